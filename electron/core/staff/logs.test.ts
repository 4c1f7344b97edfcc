import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { exportLogs, lastLogLines, logFiles, writableRoot } from './logs';
import { packLogs } from './logUpload';

let data: { dir: string; cleanup: () => void };
let usb: { dir: string; cleanup: () => void };
beforeEach(() => {
  data = tempDir('pillar-logs-');
  usb = tempDir('pillar-usb-');
  mkdirSync(path.join(data.dir, 'logs'));
});
afterEach(() => {
  data.cleanup();
  usb.cleanup();
});

function log(name: string, lines: string[], ageSeconds: number): void {
  const file = path.join(data.dir, 'logs', name);
  writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
  const at = Date.now() / 1000 - ageSeconds;
  utimesSync(file, at, at);
}

describe('pillar logs for staff', () => {
  it('finds every pillar*.log newest first, and reads the newest one\'s last lines', () => {
    log('pillar.2.log', ['{"n":1}'], 300);
    log('pillar.1.log', ['{"n":2}'], 200);
    log('pillar.log', ['{"n":3}', '{"n":4}', '{"n":5}'], 0);
    log('other.log', ['{"n":0}'], 0);
    expect(logFiles(data.dir).map((file) => path.basename(file))).toEqual(['pillar.log', 'pillar.1.log', 'pillar.2.log']);
    expect(lastLogLines(data.dir, 2)).toEqual(['{"n":4}', '{"n":5}']);
    expect(lastLogLines(path.join(data.dir, 'nowhere'), 2)).toEqual([]);
  });

  it('copies the logs into <drive>/pillar-logs/<store>-<time>/ on the first writable drive', () => {
    log('pillar.log', ['{"n":1}'], 0);
    log('pillar-sync.log', ['{"n":2}'], 0);
    expect(writableRoot([path.join(usb.dir, 'missing'), usb.dir])).toBe(usb.dir);
    const first = exportLogs(data.dir, usb.dir, 'se-sto-1', Date.UTC(2026, 10, 23, 12, 0, 0));
    expect(first.folder).toBe(path.join(usb.dir, 'pillar-logs', 'se-sto-1-2026-11-23T12-00-00-000Z'));
    expect(first.files).toBe(2);
    // The same second again does not overwrite the first export.
    const second = exportLogs(data.dir, usb.dir, 'se-sto-1', Date.UTC(2026, 10, 23, 12, 0, 0));
    expect(second.folder).not.toBe(first.folder);
  });

  it('packs the lines for HQ oldest first as gzip, leaving out a line that is not JSON', () => {
    log('pillar.1.log', ['{"n":1}', '{"n":2'], 100);
    log('pillar.log', ['{"n":3}'], 0);
    const packed = packLogs(data.dir);
    expect(packed.lines).toBe(2);
    expect(gunzipSync(packed.body).toString('utf8')).toBe('{"n":1}\n{"n":3}\n');
  });
});
