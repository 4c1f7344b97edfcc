/**
 * JSON import files, with line numbers: `JSON.parse` tells where a syntax error is only as a character
 * position, and nothing at all about where a parsed element came from. One linear scan of the (already
 * valid) text finds where each element of the top-level array — or of each array-valued key of the
 * top-level object — begins.
 */
export type JsonParse = { ok: true; value: unknown } | { ok: false; line: number; reason: string };

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    // "Unexpected end of JSON input" has no position: the file ends too soon.
    return { ok: false, line: lineAt(text, position === undefined ? text.length : Number(position)), reason: `not valid JSON: ${message}` };
  }
}

export interface ElementLines {
  /** Start lines of the elements of the top-level array (empty when the top level is an object). */
  root: number[];
  /** Start lines of the elements of each array-valued key of the top-level object. */
  keys: Map<string, number[]>;
}

export function elementLines(text: string): ElementLines {
  const lines: ElementLines = { root: [], keys: new Map() };
  const stack: string[] = [];
  let line = 1;
  let recording: number[] | null = null; // the array whose elements are being located
  let recordingDepth = -1;
  let awaitingElement = false;
  let key: string | null = null; // the current key of the top-level object

  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (awaitingElement && c !== ']') {
      recording?.push(line);
      awaitingElement = false;
    }
    switch (c) {
      case '"': {
        const start = i;
        for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
        if (stack.length === 1 && stack[0] === '{' && key === null) key = JSON.parse(text.slice(start, i + 1)) as string;
        break;
      }
      case '[':
        stack.push('[');
        if (stack.length === 1 || (stack.length === 2 && stack[0] === '{' && key !== null)) {
          recording = stack.length === 1 ? lines.root : [];
          if (stack.length === 2 && key !== null) lines.keys.set(key, recording);
          recordingDepth = stack.length;
          awaitingElement = true;
        }
        break;
      case '{':
        stack.push('{');
        break;
      case ']':
      case '}':
        if (stack.length === recordingDepth) {
          recording = null;
          recordingDepth = -1;
        }
        awaitingElement = false;
        stack.pop();
        break;
      case ',':
        if (stack.length === recordingDepth) awaitingElement = true;
        if (stack.length === 1 && stack[0] === '{') key = null;
        break;
      default:
        break;
    }
  }
  return lines;
}

/** The 1-based line of a character position. */
export function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(position, text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
