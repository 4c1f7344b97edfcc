import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { LogUploadAnswer, MAX_LOG_UPLOAD_BYTES } from '../../../shared/sync/fleet';
import { describe } from '../sync/hqClient';
import { logFiles } from './logs';

/** Unpacked, HQ takes up to 64 MB; half of it leaves room and is weeks of lines. */
const MAX_TEXT_BYTES = 32 * 1024 * 1024;

/**
 * The pillar's log lines, oldest first, as gzip'd JSON lines no bigger than HQ takes: the newest lines are
 * kept when there are too many. Lines that are not JSON (one cut short by a crash) are left out, since HQ
 * refuses an export with any.
 */
export function packLogs(dataDir: string): { body: Buffer; lines: number } {
  const newestFirst = logFiles(dataDir);
  const chunks: string[][] = [];
  let bytes = 0;
  for (const file of newestFirst) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const lines = text.split('\n').filter((line) => line.trim() !== '' && isJson(line));
    chunks.unshift(lines);
    bytes += Buffer.byteLength(text);
    if (bytes >= MAX_TEXT_BYTES) break;
  }
  let all = chunks.flat();
  for (;;) {
    const text = all.join('\n') + (all.length > 0 ? '\n' : '');
    const trimmed = Buffer.byteLength(text) > MAX_TEXT_BYTES ? all.slice(Math.floor(all.length / 2)) : null;
    if (trimmed) {
      all = trimmed;
      continue;
    }
    const body = gzipSync(text);
    if (body.length <= MAX_LOG_UPLOAD_BYTES || all.length <= 1) return { body, lines: all.length };
    all = all.slice(Math.floor(all.length / 2));
  }
}

/** Sends the pillar's logs to HQ (`POST /v1/kiosks/logs`, the pillar's token); throws with a reason naming no secret. */
export async function uploadLogs(dataDir: string, hq: { url: string; token: string }, options: { timeoutMs?: number } = {}): Promise<{ answer: LogUploadAnswer; lines: number }> {
  const { body, lines } = packLogs(dataDir);
  const base = hq.url.replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${base}/v1/kiosks/logs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hq.token}`, 'content-type': 'application/gzip' },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new Error(`HQ at ${base} cannot be reached: ${describe(error)}`);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new Error(`HQ answered ${response.status} to the log export`);
  const answer = LogUploadAnswer.safeParse(safeJson(text));
  if (!answer.success) throw new Error("HQ's answer to the log export has an unexpected shape");
  return { answer: answer.data, lines };
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
