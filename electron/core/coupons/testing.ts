import { copyFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEMO_HOME_STORE } from '../../../resources/demo/generator';
import { couponCheckCharacter, CROCKFORD_DIGITS, type PoolCode } from '../../../shared/sync/coupons';
import type { Offer } from '../../../shared/sync/entities';
import { openCache, openLocal, type Db } from '../db/open';
import { OutboxStore } from '../outbox/store';
import { tempDir } from '../testing/fixtures';
import { Coupons, type CouponContext } from './coupons';

/** Test support for coupons: real cache.db (a copy of the demo chain's) and local.db in a folder per test. */

export interface CouponsFixture {
  dir: string;
  local: Db;
  cache: Db;
  outbox: OutboxStore;
  coupons: Coupons;
  /** The store, its time zone and the clock the coupons see; tests change them. */
  context: CouponContext;
  clock: { now: number };
  /** How many issues committed, and which offers were reported low or empty. */
  queued: () => number;
  low: string[];
  /** Publishes (or replaces) an offer in the cache, as sync would. */
  putOffer(offer: Offer): void;
  deleteOffer(id: string): void;
  /** Codes as HQ would assign them to this pillar. */
  assign(offerId: string, count: number, validUntil: number): PoolCode[];
  close(): void;
}

export function couponsFixture(template: string, options: { now: number; timeZone?: string; lowWater?: number }): CouponsFixture {
  const dir = tempDir('pillar-coupons-');
  const cacheFile = path.join(dir.dir, 'cache.db');
  copyFileSync(template, cacheFile);
  const cache = openCache(cacheFile);
  const local = openLocal(path.join(dir.dir, 'local.db'));
  const outbox = new OutboxStore(local);
  const clock = { now: options.now };
  const context: CouponContext = { cache, storeCode: DEMO_HOME_STORE, timeZone: options.timeZone ?? 'Europe/Stockholm' };
  const low: string[] = [];
  let queued = 0;
  const coupons = new Coupons({
    local,
    outbox,
    context: () => context,
    now: () => clock.now,
    onQueued: () => queued++,
    onLow: (offerId) => low.push(offerId),
    ...(options.lowWater === undefined ? {} : { lowWater: options.lowWater }),
  });
  return {
    dir: dir.dir,
    local,
    cache,
    outbox,
    coupons,
    context,
    clock,
    queued: () => queued,
    low,
    putOffer: (offer) => void cache.prepare('INSERT INTO offers (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body').run(offer.id, JSON.stringify(offer)),
    deleteOffer: (id) => void cache.prepare('DELETE FROM offers WHERE id = ?').run(id),
    assign(offerId, count, validUntil) {
      const codes = Array.from({ length: count }, () => ({ offerId, code: testCode(), validUntil }));
      coupons.store.add(codes, context.storeCode, clock.now);
      return codes;
    },
    close: () => {
      cache.close();
      local.close();
      dir.cleanup();
    },
  };
}

let minted = 0;
/** A well-formed code (right check character), unique within the test run. */
export function testCode(): string {
  let n = ++minted * 7_919 + 1_000_003;
  let digits = '';
  for (let i = 0; i < 8; i++) {
    digits = CROCKFORD_DIGITS[n % 32] + digits;
    n = Math.floor(n / 32);
  }
  const data = `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `PLR-${data}-${couponCheckCharacter(data)}`;
}

/** An offer for the demo store (or `stores`) on a schedule in local time. */
export function testOffer(id: string, kind: Offer['kind'], schedule: Offer['schedule'], extra: Partial<Offer> = {}): Offer {
  return {
    id,
    kind,
    stores: [],
    schedule,
    texts: {
      en: { title: `Offer ${id}`, body: 'Ten per cent off.', terms: 'One per customer.' },
      sv: { title: `Erbjudande ${id}`, body: 'Tio procent rabatt.', terms: 'En per kund.' },
    },
    discount: { percent: 10 },
    ...(kind === 'check-in' ? { checkIn: { platform: 'instagram' as const, action: 'check-in' as const, url: 'https://norrvik.example/instagram' } } : {}),
    ...extra,
  };
}

export interface SeenRequest {
  key: string;
  path: string;
  body: string;
}
export type StandInReply = { status: number; body: unknown } | 'reset';

/** A stand-in for HQ on loopback (real HTTP): `answer` decides each reply; every request is kept. */
export function hqStandIn(answer: (request: SeenRequest, nthForKey: number) => StandInReply): Promise<{ url: string; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { key: String(req.headers['idempotency-key']), path: req.url ?? '', body: Buffer.concat(chunks).toString() };
      const nth = seen.filter((s) => s.key === request.key).length;
      seen.push(request);
      const reply = answer(request, nth);
      if (reply === 'reset') return req.socket.destroy();
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}
