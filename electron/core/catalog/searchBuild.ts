import { type Db, openCache } from '../db/open';
import { type Facets, facetsBuilding } from './facets';
import { type WordIndexes, wordIndexesBuilding } from './searchIndex';
import type { Sliced } from './timeSlice';

/**
 * Reading the catalog into what search answers from: the facets (facets.ts) and the word indexes
 * (searchIndex.ts), built whole and swapped in whole. At once on the kiosk's own connection (`built`:
 * the CLI, benchmarks, tests), or in slices on a connection of its own (`buildingAside`: the kiosk
 * while sync runs).
 */
export interface BuiltIndex {
  facets: Facets;
  words: WordIndexes;
}

/** Where the slices of a build read from, and how to open it. */
export interface BuildOptions {
  /** better-sqlite3's native module for this runtime, as the kiosk opened its own connection with. */
  nativeBinding?: string;
}

function* reading(db: Db): Sliced<BuiltIndex> {
  const facets = yield* facetsBuilding(db);
  const words = yield* wordIndexesBuilding(db, facets.denseOf);
  return { facets, words };
}

/** `work`, inside one read transaction on `db` (unless the caller holds one): one state of the catalog throughout. */
function* inOneSnapshot<T>(db: Db, work: Sliced<T>): Sliced<T> {
  const own = !db.inTransaction;
  if (own) db.exec('BEGIN');
  try {
    return yield* work;
  } finally {
    if (own && db.inTransaction) db.exec('COMMIT');
  }
}

/** The index, read at once on `db`: nothing else runs on this thread meanwhile, so the transaction is short-lived by construction. */
export function* built(db: Db): Sliced<BuiltIndex> {
  return yield* inOneSnapshot(db, reading(db));
}

/**
 * The index, read in slices on a read-only connection of its own, inside one read transaction held
 * from the first read to the last: sync may commit batches meanwhile (WAL) and the kiosk's own
 * connection goes on reading the newest state, but the build sees one state of the catalog. The
 * connection is closed when the build ends or is cancelled (the generator's `finally`).
 *
 * An in-memory database (tests) cannot be opened twice: it is read on its own connection, slice by
 * slice, without a transaction held across the pauses.
 */
export function* buildingAside(db: Db, options: BuildOptions = {}): Sliced<BuiltIndex> {
  if (db.memory) return yield* reading(db);
  const reader = openCache(db.name, { readonly: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    return yield* inOneSnapshot(reader, reading(reader));
  } finally {
    reader.close();
  }
}
