import type { Database } from 'better-sqlite3';
import type { Offer } from '../../shared/sync/entities';
import { PROTOCOL_VERSION, SNAPSHOT_LEVELS_PER_RECORD, SNAPSHOT_PRODUCTS_PER_RECORD } from '../../shared/sync/protocol';
import { offerConcerns } from './changeLog';
import type { ResolvedRegion } from './regions';

const LOCATIONS_PER_RECORD = 200;
const ROWS_PER_RECORD = 1000; // categories, colours, offers

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
 * in, so loading it appends to its B-tree instead of inserting all over it.
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
  yield* chunks('products', 'items', db.prepare('SELECT data FROM products ORDER BY style_code').pluck().iterate() as Iterable<string>, SNAPSHOT_PRODUCTS_PER_RECORD, tally);
  yield* chunks('stock', 'levels', regionLevels(db, locations), SNAPSHOT_LEVELS_PER_RECORD, tally);

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

/**
 * Every level of these locations as JSON `[sku, location, quantity, changedAt]`, in the stock table's
 * key order (variant, then location). One pass over the table: a region is a fifth of the chain's
 * locations or more, so skipping the other rows in SQLite costs less than seeking each variant.
 */
function* regionLevels(db: Database, locations: readonly { id: number; code: string }[]): Generator<string> {
  // Codes and SKUs passed the shared schemas' code pattern (letters, digits, ". _ -"): nothing to escape.
  const codes = new Map(locations.map((l) => [l.id, `"${l.code}"`]));
  const rows = db
    .prepare(
      `SELECT v.sku, s.location_id, s.quantity, s.changed_at FROM stock s JOIN variants v ON v.id = s.variant_id
       WHERE s.location_id IN (SELECT value FROM json_each(?)) ORDER BY s.variant_id, s.location_id`,
    )
    .raw()
    .iterate(JSON.stringify([...codes.keys()])) as Iterable<[string, number, number, number]>;
  for (const [sku, locationId, quantity, changedAt] of rows) yield `["${sku}",${codes.get(locationId)},${quantity},${changedAt}]`;
}
