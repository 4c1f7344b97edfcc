import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

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
  /** Writes `logs/pillar.log` under this folder as well as to standard output. */
  dataDir?: string;
  level?: pino.LevelWithSilent;
  /** Standard output too (the default); off for the CLI's `--json` mode. */
  stdout?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const streams: pino.StreamEntry[] = [];
  if (options.stdout !== false) streams.push({ stream: pino.destination({ dest: 2, sync: true }) });
  if (options.dataDir) {
    const dir = path.join(options.dataDir, 'logs');
    mkdirSync(dir, { recursive: true });
    // Synchronous: a kiosk logs little, and the line before a crash or an early exit is the one IT needs.
    streams.push({ stream: pino.destination({ dest: path.join(dir, 'pillar.log'), sync: true, mkdir: true }) });
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
