import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { DEMO_HOME_STORE } from '../../resources/demo/generator';
import { startHq, type HqOptions, type RunningHq } from '../server';

/** Test support: a real HQ on 127.0.0.1, port 0, in its own temporary folder, with the demo chain. */
export const HOME = DEMO_HOME_STORE;
/** A demo store far from Stockholm: outside the flagship's region. */
export const FAR_STORE = 'se-got-nordstan';

export interface TestHq {
  hq: RunningHq;
  dataDir: string;
  url: string;
  adminToken: string;
  /** A pillar token of the flagship store. */
  kioskToken: string;
  /** Every log line HQ wrote, as text. */
  logs: string[];
  call(pathname: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  json(pathname: string, init?: RequestInit & { token?: string | null }): Promise<{ status: number; headers: Headers; body: unknown }>;
  close(): Promise<void>;
}

export async function startTestHq(options: Partial<HqOptions> = {}): Promise<TestHq> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pillar-hq-test-'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const hq = await startHq({ dataDir, port: 0, demo: 'demo', adminToken: 'test-admin-token-0123456789', log: pino({ level: 'debug' }, sink), pollHeadMs: 50, ...options });
  const kioskToken = await hq.issueKioskToken(HOME);

  const call = (pathname: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> => {
    const { token = kioskToken, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== null) headers.set('Authorization', `Bearer ${token}`);
    return fetch(`${hq.url}${pathname}`, { ...rest, headers });
  };
  return {
    hq,
    dataDir,
    url: hq.url,
    adminToken: hq.adminToken,
    kioskToken,
    logs,
    call,
    async json(pathname, init) {
      const response = await call(pathname, init);
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as unknown) };
    },
    async close() {
      await hq.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type SseEvent = { event: string | null; data: string | null; comment: string | null; retry: number | null };

/** Reads server-sent events off a fetch response, one block at a time. */
export function sseReader(response: Response): { next(): Promise<SseEvent>; cancel(): Promise<void> } {
  if (!response.body) throw new Error('the response has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next() {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { event: null, data: null, comment: null, retry: null };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) event.comment = line.slice(1).trim();
            else if (line.startsWith('event:')) event.event = line.slice(6).trim();
            else if (line.startsWith('data:')) event.data = line.slice(5).trim();
            else if (line.startsWith('retry:')) event.retry = Number(line.slice(6).trim());
          }
          return event;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** The next `head` event, skipping pings and the opening `retry`. */
export async function nextHead(events: ReturnType<typeof sseReader>): Promise<number> {
  for (;;) {
    const event = await events.next();
    if (event.event === 'head') return (JSON.parse(event.data ?? '') as { head: number }).head;
  }
}
