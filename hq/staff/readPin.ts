import { StoreInputError } from '../store/store';

/** More than any PIN and its line ending: standard input is not read on and on. */
const MAX_INPUT = 1024;

/**
 * A staff PIN from standard input, never from the command line (shell history, `ps`). At a terminal it is
 * asked for and typed unseen; from a pipe (`printf 2580 | npm run hq -- staff add …`) its first line is taken.
 */
export async function readPin(io: { stdin: NodeJS.ReadStream; stderr: NodeJS.WritableStream }): Promise<string> {
  const pin = io.stdin.isTTY ? await typed(io.stdin, io.stderr) : await piped(io.stdin);
  if (pin === '') throw new StoreInputError('No PIN on standard input: type it when asked, or pipe it in (printf 2580 | npm run hq -- staff add …)', [{ path: 'pin', message: 'is missing' }]);
  return pin;
}

async function piped(stdin: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.includes('\n') || text.length > MAX_INPUT) break;
  }
  return (text.split(/\r?\n/)[0] ?? '').trim();
}

function typed(stdin: NodeJS.ReadStream, stderr: NodeJS.WritableStream): Promise<string> {
  stderr.write('PIN (4–8 digits, not shown): ');
  return new Promise((resolve, reject) => {
    let pin = '';
    const done = (error: Error | null): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(pin);
    };
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(null);
        // Ctrl-C and Ctrl-D: the terminal is raw, so no signal arrives; stop as one would.
        if (char === '\u0003' || char === '\u0004') return done(new StoreInputError('No PIN given: nothing changed', [{ path: 'pin', message: 'was not typed' }]));
        if (char === '\u007f' || char === '\b') pin = pin.slice(0, -1);
        else if (pin.length < MAX_INPUT) pin += char;
      }
    };
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}
