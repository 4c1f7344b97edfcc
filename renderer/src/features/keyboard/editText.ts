/** A text field's value and selection, as the on-screen keyboard edits it. */
export interface FieldText {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

/** Long enough for any search a person types at a pillar; the field holds no more. */
export const MAX_SEARCH_LENGTH = 100;

/**
 * Types one key into a field the way a physical keyboard would: a character replaces the selection (or
 * goes in at the caret), Backspace deletes the selection or the one character before the caret. The
 * caret ends up after the edit. Characters beyond `maxLength` are refused, as the browser refuses them.
 */
export function typeKey(field: FieldText, key: string, maxLength = MAX_SEARCH_LENGTH): FieldText {
  const { value } = field;
  const start = clamp(Math.min(field.selectionStart, field.selectionEnd), value.length);
  const end = clamp(Math.max(field.selectionStart, field.selectionEnd), value.length);
  if (key === 'backspace') {
    if (start !== end) return at(value.slice(0, start) + value.slice(end), start);
    if (start === 0) return at(value, 0);
    // A whole character, even one outside the basic plane (two UTF-16 units).
    const before = Array.from(value.slice(0, start));
    before.pop();
    const head = before.join('');
    return at(head + value.slice(end), head.length);
  }
  const kept = value.length - (end - start);
  if (kept + key.length > maxLength) return { value, selectionStart: start, selectionEnd: end };
  return at(value.slice(0, start) + key + value.slice(end), start + key.length);
}

function at(value: string, caret: number): FieldText {
  return { value, selectionStart: caret, selectionEnd: caret };
}

function clamp(index: number, length: number): number {
  return Math.max(0, Math.min(Number.isFinite(index) ? index : length, length));
}
