import { statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { OutboxStatus } from '../../../shared/api/orders';
import type { HealthOutput } from '../../../shared/api/staff';
import type { SyncStatus } from '../../../shared/api/sync';
import type { ConfigLoad } from '../config/load';
import type { AppIdentity } from '../system/info';
import { lastLogLines } from './logs';

/** Keys whose values are secrets wherever they appear in the configuration. */
const SECRET = /token|secret|password|passphrase|apikey|api_key|privatekey|credential/i;

/** The configuration with every secret value replaced by `[hidden]` (at any depth). */
export function hideSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, SECRET.test(key) ? '[hidden]' : hideSecrets(inner)]));
  }
  return value;
}

export interface HealthInputs {
  app: AppIdentity;
  startedAt: number;
  now: number;
  dataDir: string;
  /** The database files to size (the current cache, local.db); their write-ahead logs are counted with them. */
  databases: string[];
  sync: SyncStatus;
  outbox: OutboxStatus;
  config: ConfigLoad;
  can: HealthOutput['can'];
}

/** The pillar's health for managers and IT: nothing here is personal, and no secret leaves the core. */
export function healthReport(inputs: HealthInputs): HealthOutput {
  return {
    app: { ...inputs.app, uptimeSeconds: Math.max(0, Math.floor((inputs.now - inputs.startedAt) / 1000)) },
    sync: inputs.sync,
    outbox: inputs.outbox,
    config: {
      path: inputs.config.location.path ?? null,
      values: (inputs.config.ok ? hideSecrets(inputs.config.config) : { problems: inputs.config.problems }) as Record<string, unknown>,
    },
    disk: diskOf(inputs.dataDir),
    databases: inputs.databases.map((file) => ({ name: path.basename(file), bytes: sizeOf(file) + sizeOf(`${file}-wal`) })),
    logLines: lastLogLines(inputs.dataDir, 100),
    can: inputs.can,
  };
}

function diskOf(dir: string): HealthOutput['disk'] {
  try {
    const stats = statfsSync(dir);
    return { freeBytes: Number(stats.bavail) * Number(stats.bsize), totalBytes: Number(stats.blocks) * Number(stats.bsize) };
  } catch {
    return { freeBytes: null, totalBytes: null };
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
