import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/api/sync';
import { Heartbeat } from '../../../shared/sync/fleet';
import { capturingLogger, tempDir } from '../testing/fixtures';
import { collectHeartbeat, IDLE_UPDATE, type HeartbeatSources } from './collect';
import { crashCount, recordCrash } from './crashes';
import { HeartbeatSender } from './sender';

const TOKEN = 'kiosk-token-0123456789abcdef';
const SYNC: SyncStatus = { phase: 'following', live: true, cursor: 120, head: 120, pendingChanges: 0, lastSuccessAt: 1_000, lastError: { at: 500, message: 'HQ timed out' }, progress: null, source: 'hq' };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function sources(dataDir: string, overrides: Partial<HeartbeatSources> = {}): HeartbeatSources {
  return {
    dataDir,
    version: '1.4.0',
    uptimeSeconds: () => 42.7,
    sync: () => SYNC,
    outbox: () => ({ pending: 2, oldestPendingAt: 800, lastError: 'HQ answered 503', lastAttemptAt: 900 }),
    update: () => IDLE_UPDATE,
    ...overrides,
  };
}

/** A stand-in for HQ's heartbeat route: checks the token and the body against the contract, like HQ. */
async function standInHq(answer: (beat: Heartbeat) => { status: number; body: unknown }): Promise<{ url: string; beats: Heartbeat[]; server: Server }> {
  const beats: Heartbeat[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const reply = (status: number, body: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.url !== '/v1/heartbeat' || request.method !== 'POST') return reply(404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
      if (request.headers.authorization !== `Bearer ${TOKEN}`) return reply(401, { error: { code: 'UNAUTHORIZED', message: 'unknown token' } });
      const beat = Heartbeat.safeParse(JSON.parse(text));
      if (!beat.success) return reply(400, { error: { code: 'BAD_REQUEST', message: beat.error.message } });
      beats.push(beat.data);
      const { status, body } = answer(beat.data);
      reply(status, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, beats, server };
}

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('the heartbeat', () => {
  it('carries what the fleet page judges: version, uptime, sync, outbox, disk, crashes in the last hour, the newest error', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const now = 10 * 60 * 60_000;
    recordCrash(dir, now - 2 * 60 * 60_000); // too old to count
    recordCrash(dir, now - 5 * 60_000);
    recordCrash(dir, now - 60_000);
    const beat = Heartbeat.parse(collectHeartbeat(sources(dir), now));
    expect(beat).toMatchObject({
      at: now,
      version: '1.4.0',
      uptimeSeconds: 42,
      sync: { phase: 'following', live: true, cursor: 120, head: 120, pendingChanges: 0, lastSuccessAt: 1_000 },
      outbox: { pending: 2, oldestPendingAt: 800 },
      crashCount: 2,
      // The outbox's failure (at 900) is newer than sync's (at 500).
      lastError: { at: 900, message: 'HQ answered 503' },
      update: { state: 'idle', version: null, message: null },
    });
    expect(beat.diskFreeBytes).toBeGreaterThan(0);
    expect(crashCount(dir, now)).toBe(2);
  });

  it('sends a beat at once and keeps HQ\'s rollout decision for the updater', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const hq = await standInHq(() => ({ status: 200, body: { receivedAt: 5, rollout: { version: '1.5.0', channel: 'latest' } } }));
    const { log } = capturingLogger();
    const sender = new HeartbeatSender({ url: hq.url, token: TOKEN, collect: (now) => collectHeartbeat(sources(dir), now), log });
    cleanups.push(() => sender.close());
    sender.start();
    await until(() => sender.rollout !== null);
    expect(sender.rollout).toEqual({ version: '1.5.0', channel: 'latest' });
    expect(hq.beats).toHaveLength(1);
    expect(hq.beats[0]?.version).toBe('1.4.0');
  });

  it('never throws while HQ is down or refuses it, says so once, and carries on when HQ is back', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    let answer = { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'HQ is starting' } } as unknown };
    const hq = await standInHq(() => answer);
    const { log, lines, text } = capturingLogger();
    const sender = new HeartbeatSender({ url: hq.url, token: TOKEN, collect: (now) => collectHeartbeat(sources(dir), now), log, timing: { intervalMs: 5, maxIntervalMs: 20 } });
    cleanups.push(() => sender.close());
    sender.start();
    await until(() => hq.beats.length >= 3);
    expect(lines().filter((line) => line['msg'] === 'heartbeat not delivered; retrying later')).toHaveLength(1);
    answer = { status: 200, body: { receivedAt: 1, rollout: null } };
    await until(() => sender.answeredAt !== null);
    expect(sender.rollout).toBeNull();
    expect(text()).not.toContain(TOKEN);
  });

  it('ignores an answer that is not a heartbeat answer, and a wrong token is reported as a matter for IT', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const hq = await standInHq(() => ({ status: 200, body: { rollout: 'everything' } }));
    const { log, lines } = capturingLogger();
    const sender = new HeartbeatSender({ url: hq.url, token: TOKEN, collect: (now) => collectHeartbeat(sources(dir), now), log });
    cleanups.push(() => sender.close());
    sender.start();
    await until(() => lines().length > 0);
    expect(sender.rollout).toBeNull();
    expect(String(lines()[0]?.['reason'])).toContain('not a heartbeat answer');

    const wrong = new HeartbeatSender({ url: hq.url, token: 'some-other-token-0000', collect: (now) => collectHeartbeat(sources(dir), now), log });
    cleanups.push(() => wrong.close());
    wrong.start();
    await until(() => lines().length > 1);
    expect(String(lines()[1]?.['reason'])).toMatch(/401 UNAUTHORIZED.*a matter for IT/);
  });

  it('is quiet about an unreachable HQ after closing, and closing waits for a beat in flight', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const hq = await standInHq(() => ({ status: 200, body: { receivedAt: 1, rollout: null } }));
    await new Promise((resolve) => hq.server.close(resolve));
    const { log, lines } = capturingLogger();
    const sender = new HeartbeatSender({ url: hq.url, token: TOKEN, collect: (now) => collectHeartbeat(sources(dir), now), log });
    sender.start();
    await until(() => lines().length > 0);
    expect(String(lines()[0]?.['reason'])).toContain('cannot be reached');
    await sender.close();
    expect(lines()).toHaveLength(1);
  });
});
