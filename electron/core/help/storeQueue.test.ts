import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HelpQueue } from '../../../shared/sync/staff';
import { openLocal, type Db } from '../db/open';
import { OutboxStore } from '../outbox/store';
import { StaffAudit } from '../staff/audit';
import { HqReader } from '../staff/hqReader';
import { capturingLogger, tempDir } from '../testing/fixtures';
import { HelpRequests } from './helpRequests';
import { StoreHelpQueue } from './storeQueue';

const STORE = 'se-sto-1';
const ALEX = { id: 'S-1001', name: 'Alex S.' };
const OTHER = '11111111-1111-4111-8111-111111111111';

/** A stand-in for HQ's help queue route: answers what the test sets, or is down. */
let answer: HelpQueue | 'down' = { requests: [] };
let seenAuth: string[] = [];
let server: Server;
let url: string;
let dir: { dir: string; cleanup: () => void };
let db: Db;
let updated: { id: string; status: string; by: string | null }[];
let queue: StoreHelpQueue;
let help: HelpRequests;
/** The queue's clock: moved past a read's freshness instead of waiting it out. */
let clock: { now: number };

beforeEach(async () => {
  answer = { requests: [] };
  seenAuth = [];
  server = createServer((request, response) => {
    seenAuth.push(String(request.headers.authorization));
    if (answer === 'down' || request.url !== `/v1/stores/${STORE}/help-requests`) {
      response.writeHead(answer === 'down' ? 503 : 404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = tempDir('pillar-help-');
  db = openLocal(path.join(dir.dir, 'local.db'));
  const outbox = new OutboxStore(db);
  updated = [];
  clock = { now: Date.now() };
  const audit = new StaffAudit(db, { outbox, storeCode: () => STORE, onQueued: () => undefined });
  help = new HelpRequests(db, { outbox, storeCode: () => STORE, onQueued: () => undefined });
  queue = new StoreHelpQueue(db, {
    outbox,
    audit,
    storeCode: () => STORE,
    source: () => new HqReader({ url, token: 'kiosk-token-0123456789', store: STORE }),
    log: capturingLogger().log,
    onQueued: () => undefined,
    onUpdated: (update) => updated.push(update),
    now: () => clock.now,
  });
});
afterEach(async () => {
  queue.close();
  db.close();
  dir.cleanup();
  await new Promise((resolve) => server.close(resolve));
});

const fromHq = (id: string, status: 'open' | 'acknowledged' | 'resolved', at: number, kiosk = 'kiosk-b', by: string | null = null): HelpQueue['requests'][number] => ({
  id,
  kiosk,
  at,
  screen: 'search',
  status,
  by,
  changedAt: at + 1,
});

describe("the store's help queue", () => {
  it("merges HQ's queue with this pillar's requests HQ does not have yet, newest first", async () => {
    const mine = help.request('checkout', undefined, Date.now() - 1_000);
    answer = { requests: [fromHq(OTHER, 'open', Date.now() - 5_000)] };
    const merged = await queue.queue();
    expect(merged.requests.map((r) => [r.id, r.kiosk, r.localOnly])).toEqual([
      [mine.id, 'this-pillar', true],
      [OTHER, 'kiosk-b', false],
    ]);
    expect(merged.fetchedAt).not.toBeNull();
    expect(seenAuth[0]).toBe('Bearer kiosk-token-0123456789');
  });

  it("shows only this pillar's own while HQ is down, and takes another pillar's request offline once seen", async () => {
    const mine = help.request('checkout', undefined);
    answer = { requests: [fromHq(OTHER, 'open', Date.now() - 5_000)] };
    const before = await queue.queue();
    answer = 'down';
    clock.now += 5_000; // past the last read's freshness
    const offline = await queue.queue();
    expect(offline.requests.map((r) => r.id)).toEqual([mine.id]);
    expect(offline.fetchedAt).toBe(before.fetchedAt);

    expect(queue.update(OTHER, 'acknowledged', ALEX)).toEqual({ id: OTHER, status: 'acknowledged', by: 'Alex S.' });
    // Not this pillar's shopper: nobody here is told.
    expect(updated).toEqual([]);
    const rows = db.prepare("SELECT kind, payload FROM outbox WHERE kind IN ('help-update', 'staff-action') ORDER BY rowid").all() as { kind: string; payload: string }[];
    expect(rows.map((row) => [row.kind, JSON.parse(row.payload).requestId ?? JSON.parse(row.payload).action])).toEqual([
      ['help-update', OTHER],
      ['staff-action', 'help-acknowledge'],
    ]);
  });

  it("never lets HQ's older view undo a step taken here, and tells the shopper when HQ moves their request", async () => {
    const mine = help.request('product', 'NV-1');
    queue.update(mine.id, 'acknowledged', ALEX);
    expect(updated).toEqual([{ id: mine.id, status: 'acknowledged', by: 'Alex S.' }]);
    answer = { requests: [fromHq(mine.id, 'open', Date.now(), 'kiosk-a')] };
    const merged = await queue.queue();
    expect(merged.requests).toEqual([expect.objectContaining({ id: mine.id, kiosk: 'this-pillar', status: 'acknowledged', by: 'Alex S.', localOnly: false })]);
    expect(queue.status(mine.id)).toEqual({ id: mine.id, status: 'acknowledged', by: 'Alex S.' });

    answer = { requests: [fromHq(mine.id, 'resolved', Date.now(), 'kiosk-a', 'Maja M.')] };
    clock.now += 5_000;
    await queue.queue();
    expect(queue.status(mine.id)).toEqual({ id: mine.id, status: 'resolved', by: 'Maja M.' });
    expect(updated.at(-1)).toEqual({ id: mine.id, status: 'resolved', by: 'Maja M.' });
  });
});
