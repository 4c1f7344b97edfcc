import type { Database } from 'better-sqlite3';
import type { Offer } from '../../shared/sync/entities';
import { PROTOCOL_VERSION, SNAPSHOT_LEVELS_PER_RECORD, SNAPSHOT_PRODUCTS_PER_RECORD } from '../../shared/sync/protocol';
import { offerConcerns } from './changeLog';
import type { ResolvedRegion } from './regions';

const LOCATIONS_PER_RECORD = 200;
const ROWS_PER_RECORD = 1000; // categories, colours, offers
/** Location ids stay far below this: (variant, location) packs into one integer key for pagination. */
const LOCATION_SPAN = 1 << 20;

/** Counts what a snapshot holds: `rows` is what its `end` record and manifest say. */
export interface Tally {
  rows: number;
}

/**
 * A region's snapshot as NDJSON lines (shared/sync/protocol.ts `SnapshotRecord`), read from `db` inside
 * the caller's read transaction and yielded record by record, so the file is written as it is read and
 * the region is never held in memory. Entities go out as the JSON HQ stored after validating them.
 *
 * Stock comes variant by variant (and by location within a variant): the order a pillar's cache is keyed
 * in, so loading it appends to its B-tree instead of inserting all over it. Only the region's locations
 * are read; quantities are always > 0 (a level of zero is no row).
 */
export function* snapshotLines(db: Database, resolved: ResolvedRegion, cursor: number, generatedAt: number, tally: Tally): Generator<string> {
  const { region } = resolved;
  yield line({ record: 'header', format: 'pillar-snapshot', protocol: PROTOCOL_VERSION, store: region.home, region, cursor, generatedAt });

  const locations = db
    .prepare('SELECT id, code, data FROM locations WHERE code IN (SELECT value FROM json_each(?)) ORDER BY code')
    .all(JSON.stringify([...resolved.ids.keys()])) as { id: number; code: string; data: string }[];
  yield* chunks('locations', 'items', locations.map((l) => l.data), LOCATIONS_PER_RECORD, tally);
  yield* chunks('categories', 'items', db.prepare('SELECT data FROM categories ORDER BY id').pluck().iterate() as Iterable<string>, ROWS_PER_RECORD, tally);
  yield* chunks('colours', 'items', db.prepare('SELECT data FROM colours ORDER BY code').pluck().iterate() as Iterable<string>, ROWS_PER_RECORD, tally);
  yield* productRecords(db, tally);
  yield* stockRecords(db, locations.map((l) => l.id), tally);

  const offers = (db.prepare('SELECT data FROM offers ORDER BY id').pluck().all() as string[]).filter((data) => offerConcerns(JSON.parse(data) as Offer, region.home));
  yield* chunks('offers', 'items', offers, ROWS_PER_RECORD, tally);
  const settings = db.prepare('SELECT data FROM settings WHERE id = 1').pluck().get() as string | undefined;
  if (settings !== undefined) yield `{"record":"settings","settings":${settings}}\n`;
  yield line({ record: 'end', rows: tally.rows });
}

function line(record: object): string {
  return `${JSON.stringify(record)}\n`;
}

/** Records of up to `size` JSON items each; none for an empty table. */
function* chunks(record: string, field: string, items: Iterable<string>, size: number, tally: Tally): Generator<string> {
  let batch: string[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      tally.rows += batch.length;
      yield `{"record":"${record}","${field}":[${batch.join(',')}]}\n`;
      batch = [];
    }
  }
  if (batch.length > 0) {
    tally.rows += batch.length;
    yield `{"record":"${record}","${field}":[${batch.join(',')}]}\n`;
  }
}

/*
 * Products and stock, the bulk of a snapshot, are read a record at a time, with SQLite joining each
 * record's JSON items into one string (keyset pagination, one statement per record). Handing millions of
 * rows to JavaScript one by one costs far more than the reading itself; one string per record does not.
 * group_concat follows the ordered subquery it reads in practice, but SQLite does not promise it: the
 * order of items within a record is a nicety (a pillar's B-tree fills in key order), never relied on.
 */

function* productRecords(db: Database, tally: Tally): Generator<string> {
  const page = db.prepare(
    `SELECT group_concat(data, ',') AS items, count(*) AS n, max(style_code) AS last
     FROM (SELECT data, style_code FROM products WHERE style_code > ? ORDER BY style_code LIMIT ${SNAPSHOT_PRODUCTS_PER_RECORD})`,
  );
  for (let after = ''; ; ) {
    const { items, n, last } = page.get(after) as { items: string | null; n: number; last: string | null };
    if (n === 0 || items === null || last === null) return;
    tally.rows += n;
    yield `{"record":"products","items":[${items}]}\n`;
    after = last;
  }
}

/** Levels as `[sku, location, quantity, changedAt]`, in the stock key's order: variant, then location. */
function* stockRecords(db: Database, locationIds: readonly number[], tally: Tally): Generator<string> {
  // Codes and SKUs passed the shared schemas' code pattern (letters, digits, ". _ -"): nothing to escape.
  const page = db.prepare(
    `SELECT group_concat(level, ',') AS levels, count(*) AS n, max(variant_id) AS variant, max(variant_id * ${LOCATION_SPAN} + location_id) AS last
     FROM (
       SELECT s.variant_id, s.location_id, '["' || v.sku || '","' || l.code || '",' || s.quantity || ',' || s.changed_at || ']' AS level
       FROM stock s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id
       WHERE (s.variant_id, s.location_id) > (?, ?) AND s.location_id IN (SELECT value FROM json_each(?))
       ORDER BY s.variant_id, s.location_id LIMIT ${SNAPSHOT_LEVELS_PER_RECORD}
     )`,
  );
  const ids = JSON.stringify(locationIds);
  for (let variant = 0, location = 0; ; ) {
    const row = page.get(variant, location, ids) as { levels: string | null; n: number; variant: number | null; last: number | null };
    if (row.n === 0 || row.levels === null || row.variant === null || row.last === null) return;
    tally.rows += row.n;
    yield `{"record":"stock","levels":[${row.levels}]}\n`;
    variant = row.variant;
    location = row.last - row.variant * LOCATION_SPAN;
  }
}
