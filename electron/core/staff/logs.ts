import { accessSync, closeSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/** The pillar's log files (`<data>/logs/pillar*.log`: the main log, its rotated copies, the sync thread's), newest first. */
export function logFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'logs');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^pillar.*\.log$/.test(name))
    .map((name) => {
      const file = path.join(dir, name);
      try {
        return { file, mtime: statSync(file).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((entry): entry is { file: string; mtime: number } => entry !== null)
    .sort((a, b) => b.mtime - a.mtime)
    .map((entry) => entry.file);
}

/** How much of a log's end is read for its last lines: a long line now and then, never the whole file. */
const TAIL_BYTES = 256 * 1024;

/** The last `count` lines of the newest log file, oldest first. */
export function lastLogLines(dataDir: string, count: number): string[] {
  const newest = logFiles(dataDir)[0];
  if (!newest) return [];
  let fd: number;
  try {
    fd = openSync(newest, 'r');
  } catch {
    return [];
  }
  try {
    const size = statSync(newest).size;
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    const read = readSync(fd, buffer, 0, buffer.length, start);
    const lines = buffer.subarray(0, read).toString('utf8').split('\n');
    // A read that starts mid-file starts mid-line: that first piece is not a line.
    if (start > 0) lines.shift();
    return lines.filter((line) => line.length > 0).slice(-count);
  } finally {
    closeSync(fd);
  }
}

/** Where removable drives are mounted on Linux desktops (udisks): `/media/<user>/<label>`, `/run/media/<user>/<label>`. */
export function linuxRemovableRoots(): string[] {
  const roots: string[] = [];
  for (const base of ['/media', '/run/media']) {
    let users: string[];
    try {
      users = readdirSync(base);
    } catch {
      continue;
    }
    for (const user of users) {
      try {
        for (const drive of readdirSync(path.join(base, user))) roots.push(path.join(base, user, drive));
      } catch {
        // Not a folder, or not ours to read.
      }
    }
  }
  return roots;
}

/** The first drive of `roots` that is a folder this process may write to. */
export function writableRoot(roots: readonly string[]): string | null {
  for (const root of roots) {
    try {
      if (!statSync(root).isDirectory()) continue;
      accessSync(root, constants.W_OK);
      return root;
    } catch {
      // Gone, read-only or not ours: try the next.
    }
  }
  return null;
}

/**
 * Copies every `pillar*.log` into `<root>/pillar-logs/<store>-<timestamp>/` and answers that folder. The
 * logs hold no personal data (structured lines, redacted at the source), so they may leave the pillar.
 */
export function exportLogs(dataDir: string, root: string, store: string, now: number): { folder: string; files: number } {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const safeStore = store.replace(/[^A-Za-z0-9_-]/g, '_');
  let folder = path.join(root, 'pillar-logs', `${safeStore}-${stamp}`);
  for (let n = 2; existsSync(folder); n++) folder = path.join(root, 'pillar-logs', `${safeStore}-${stamp}-${n}`);
  mkdirSync(folder, { recursive: true });
  const files = logFiles(dataDir);
  for (const file of files) copyFileSync(file, path.join(folder, path.basename(file)));
  return { folder, files: files.length };
}
