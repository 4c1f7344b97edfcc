import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import pino, { type Logger } from 'pino';
import { DEFAULT_ROTATION, RotatingFile, type RotationOptions } from './rotatingFile';

export type { Logger } from 'pino';

/**
 * Keys whose values are personal or secret wherever they appear (two levels deep). Log lines should not
 * carry them at all; this is the net under that rule, not the rule itself.
 */
const SENSITIVE_KEYS = [
  'token',
  'kioskToken',
  'authorization',
  'pin',
  'email',
  'phone',
  'mobile',
  'address',
  'customerName',
  'postalCode',
];
export const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerOptions {
  /**
   * Writes `logs/pillar.log` under this folder as well as to standard output (the sync thread writes
   * `logs/pillar-sync.log`: one writer per file, so each rotates on its own). Every `logs/pillar*.log` is
   * the pillar's log (staff mode's export reads them all).
   */
  dataDir?: string;
  /** Size cap and rotated files kept (default 5 files × 5 MB). */
  rotation?: Partial<Omit<RotationOptions, 'file'>>;
  level?: pino.LevelWithSilent;
  /** Standard output too (the default); off for the CLI's `--json` mode. */
  stdout?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const streams: pino.StreamEntry[] = [];
  if (options.stdout !== false) streams.push({ stream: pino.destination({ dest: 2, sync: true }) });
  if (options.dataDir) {
    // Synchronous: a kiosk logs little, and the line before a crash or an early exit is the one IT needs.
    const file = path.join(options.dataDir, 'logs', isMainThread ? 'pillar.log' : 'pillar-sync.log');
    streams.push({ stream: new RotatingFile({ file, ...DEFAULT_ROTATION, ...options.rotation }) });
  }
  return pino(
    {
      level: options.level ?? process.env['PILLAR_LOG_LEVEL'] ?? 'info',
      base: { app: 'pillar' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    pino.multistream(streams),
  );
}
