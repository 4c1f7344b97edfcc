import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import SonicBoom from 'sonic-boom';

export interface RotationOptions {
  /** The file written now, e.g. `<data>/logs/pillar.log`; rotated copies are `pillar.1.log` (newest) … `pillar.<keep>.log`. */
  file: string;
  /** A file is rotated before a line would take it past this size. */
  maxBytes: number;
  /** Rotated files kept besides the current one; older ones are deleted. */
  keep: number;
}

/** 5 files × 5 MB: weeks of a pillar's log lines, never more than 25 MB of a small disk. */
export const DEFAULT_ROTATION = { maxBytes: 5 * 1024 * 1024, keep: 4 } as const;

/**
 * A pino destination that writes each line synchronously (sonic-boom, pino's own file writer, in sync
 * mode) and rotates by size. Synchronous on purpose: the line logged just before a crash or an early exit
 * is the one IT needs, and an asynchronous transport (pino-roll in a worker thread, rotating-file-stream)
 * may lose it. The rotation itself is a few renames and a `reopen`, which sonic-boom exists to support.
 * A rotation that fails (a file held open by another program on Windows) keeps writing to the current
 * file: logging never throws into the kiosk.
 */
export class RotatingFile {
  readonly #options: RotationOptions;
  readonly #boom: SonicBoom;
  #size: number;

  constructor(options: RotationOptions) {
    this.#options = options;
    mkdirSync(path.dirname(options.file), { recursive: true });
    this.#size = sizeOf(options.file);
    this.#boom = new SonicBoom({ dest: options.file, sync: true, append: true, mkdir: true });
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.#size > 0 && this.#size + bytes > this.#options.maxBytes) this.#rotate();
    this.#boom.write(line);
    this.#size += bytes;
  }

  end(): void {
    this.#boom.end();
  }

  #rotate(): void {
    const { file, keep } = this.#options;
    try {
      rmSync(numbered(file, keep), { force: true });
      for (let i = keep - 1; i >= 1; i--) {
        if (existsSync(numbered(file, i))) renameSync(numbered(file, i), numbered(file, i + 1));
      }
      if (keep > 0) renameSync(file, numbered(file, 1));
      else rmSync(file, { force: true });
      this.#boom.reopen();
      this.#size = 0;
    } catch {
      // Keep writing where we are; the next line tries again once the file is a line longer.
      this.#size = sizeOf(file);
    }
  }
}

/** `logs/pillar.log`, 2 → `logs/pillar.2.log`. */
export function numbered(file: string, n: number): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.${n}${ext}`;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
