import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Unclean exits of the app, counted in a small file in the data folder: the Electron main records a lost
 * renderer and a start after an unclean exit; the core reads the count for its heartbeat. A file rather
 * than memory, because the crashes that matter most are the ones the process does not survive.
 */
const FILE = 'crashes.json';
/** What the file keeps: a day of timestamps, at most 200 of them. */
const KEEP_MS = 24 * 60 * 60_000;
const KEEP_MAX = 200;
export const CRASH_WINDOW_MS = 60 * 60_000;

export function recordCrash(dataDir: string, at: number): void {
  const kept = read(dataDir).filter((t) => at - t < KEEP_MS);
  kept.push(at);
  const file = path.join(dataDir, FILE);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(kept.slice(-KEEP_MAX)));
  renameSync(`${file}.tmp`, file);
}

/** Crashes in the last hour (what the heartbeat reports and HQ's fleet page judges). */
export function crashCount(dataDir: string, now: number, windowMs = CRASH_WINDOW_MS): number {
  return read(dataDir).filter((t) => t <= now && now - t < windowMs).length;
}

function read(dataDir: string): number[] {
  try {
    const json = JSON.parse(readFileSync(path.join(dataDir, FILE), 'utf8')) as unknown;
    return Array.isArray(json) ? json.filter((t): t is number => Number.isSafeInteger(t)) : [];
  } catch {
    return [];
  }
}
