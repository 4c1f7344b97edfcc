import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { methodNames } from '../../../shared/api/contract';
import type { Handlers } from '../api/dispatcher';
import { REDACT_PATHS } from '../log/logger';

/** A fresh folder per test, removed by the returned cleanup. */
export function tempDir(prefix = 'pillar-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

/** A real pino logger (with the production redaction) that keeps its lines for assertions. */
export function capturingLogger(): { log: Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const log = pino({ level: 'debug', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
  const text = (): string => chunks.join('');
  return {
    log,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/**
 * A full handler table for dispatcher tests and benchmarks that exercise some methods: the rest throw,
 * so a test that reaches one by mistake fails loudly (as INTERNAL).
 */
export function handlersWith(some: Partial<Handlers>): Handlers {
  const rest = Object.fromEntries(
    methodNames.map((name) => [
      name,
      () => {
        throw new Error(`${name} is not under test`);
      },
    ]),
  );
  return { ...rest, ...some } as Handlers;
}
