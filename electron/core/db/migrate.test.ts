import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { migrate, MigrationError, type Migration } from './migrate';
import { openCache, openLocal } from './open';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const one: Migration = { id: 1, name: 'first', sql: 'CREATE TABLE a (x INTEGER) STRICT' };
const two: Migration = { id: 2, name: 'second', sql: 'CREATE TABLE b (y INTEGER) STRICT' };

describe('migrations', () => {
  it('applies what is missing, records it, and does nothing the second time', () => {
    const db = new Database(path.join(dir, 't.db'));
    expect(migrate(db, 't.db', [one])).toEqual({ applied: [1] });
    expect(migrate(db, 't.db', [one, two])).toEqual({ applied: [2] });
    expect(migrate(db, 't.db', [one, two])).toEqual({ applied: [] });
    expect(db.prepare('SELECT id, name FROM schema_migrations').all()).toEqual([
      { id: 1, name: 'first' },
      { id: 2, name: 'second' },
    ]);
    db.close();
  });

  it('refuses a database written by a newer or different version, with a message that says so', () => {
    const db = new Database(path.join(dir, 't.db'));
    migrate(db, 't.db', [one, two]);
    expect(() => migrate(db, 't.db', [one])).toThrow(MigrationError);
    expect(() => migrate(db, 't.db', [one, { ...two, name: 'something else' }])).toThrow(/migration 2 "second".*another version/);
    db.close();
  });

  it('leaves no trace of a migration that fails half-way', () => {
    const db = new Database(path.join(dir, 't.db'));
    const broken: Migration = { id: 2, name: 'broken', sql: 'CREATE TABLE c (z INTEGER) STRICT; CREATE TABLE a (x INTEGER)' };
    expect(() => migrate(db, 't.db', [one, broken])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
    db.close();
  });

  it('opens cache.db and local.db with their pragmas: local.db is synchronous=FULL', () => {
    const cache = openCache(path.join(dir, 'cache.db'));
    const local = openLocal(path.join(dir, 'local.db'));
    expect(cache.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(local.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(local.pragma('synchronous', { simple: true })).toBe(2);
    expect(local.pragma('foreign_keys', { simple: true })).toBe(1);
    // Every cache table is STRICT, and there are no others (search indexes in memory: no FTS tables);
    // one view, the stock readers read.
    const tables = cache.prepare("SELECT name, type, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND type = 'table' ORDER BY name").all();
    const expected = ['meta', 'locations', 'categories', 'colours', 'products', 'product_texts', 'variants', 'stock', 'stock_recent', 'related', 'offers', 'related_pending', 'schema_migrations'];
    expect(tables).toEqual(expected.sort().map((name) => ({ name, type: 'table', strict: 1 })));
    expect(cache.prepare("SELECT name FROM sqlite_schema WHERE type = 'view'").pluck().all()).toEqual(['stock_now']);
    cache.close();
    local.close();
  });
});
