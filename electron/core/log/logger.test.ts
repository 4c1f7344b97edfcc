import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pillar-log-'));
  dirs.push(dir);
  return dir;
};
const lines = (file: string): { msg: string; n?: number }[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { msg: string; n?: number });

describe('the pillar log', () => {
  it('has the last line on disk as soon as it is logged (the line before a crash)', () => {
    const dir = dataDir();
    const log = createLogger({ dataDir: dir, stdout: false });
    log.error({ reason: 'disk full' }, 'about to fall over');
    expect(lines(path.join(dir, 'logs', 'pillar.log')).at(-1)?.msg).toBe('about to fall over');
  });

  it('rotates by size, keeps a fixed number of pillar*.log files, newest lines in pillar.log, none lost in between', () => {
    const dir = dataDir();
    const log = createLogger({ dataDir: dir, stdout: false, rotation: { maxBytes: 2_000, keep: 2 } });
    for (let n = 0; n < 200; n++) log.info({ n }, 'a line of about a hundred bytes, give or take');
    const logs = path.join(dir, 'logs');
    expect(readdirSync(logs).sort()).toEqual(['pillar.1.log', 'pillar.2.log', 'pillar.log']);
    const sequence = ['pillar.2.log', 'pillar.1.log', 'pillar.log'].flatMap((file) => lines(path.join(logs, file)).map((line) => line.n));
    expect(sequence.at(-1)).toBe(199);
    // The kept files hold a contiguous run of the newest lines.
    expect(sequence).toEqual(Array.from({ length: sequence.length }, (_, i) => 200 - sequence.length + i));
    for (const file of readdirSync(logs)) expect(readFileSync(path.join(logs, file)).length).toBeLessThanOrEqual(2_000);
  });

  it('continues after a restart in the same file, rotating at the same cap', () => {
    const dir = dataDir();
    const first = createLogger({ dataDir: dir, stdout: false, rotation: { maxBytes: 1_000, keep: 1 } });
    for (let n = 0; n < 5; n++) first.info({ n }, 'before the restart');
    const second = createLogger({ dataDir: dir, stdout: false, rotation: { maxBytes: 1_000, keep: 1 } });
    for (let n = 5; n < 30; n++) second.info({ n }, 'after the restart');
    const logs = path.join(dir, 'logs');
    expect(readdirSync(logs).sort()).toEqual(['pillar.1.log', 'pillar.log']);
    expect(readFileSync(path.join(logs, 'pillar.log')).length).toBeLessThanOrEqual(1_000);
    expect(lines(path.join(logs, 'pillar.log')).at(-1)?.n).toBe(29);
  });

  it('keeps secrets out of the file', () => {
    const dir = dataDir();
    const log = createLogger({ dataDir: dir, stdout: false });
    log.info({ hq: { token: 'kiosk-secret-token-123' } }, 'provisioned');
    expect(readFileSync(path.join(dir, 'logs', 'pillar.log'), 'utf8')).not.toContain('kiosk-secret-token-123');
  });
});
