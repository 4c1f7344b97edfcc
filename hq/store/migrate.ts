import type { Database } from 'better-sqlite3';

/** A numbered schema change to hq.db. Never edited once landed: a change is a new migration. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Brings hq.db up to the known migrations, each in its own transaction with its record. Refuses a database
 * whose applied migrations are not a prefix of the known ones (written by a newer HQ, or by another
 * schema history) rather than guessing what it holds. HQ keeps its own runner: it shares nothing with
 * the kiosk but `shared/`.
 */
export function migrate(db: Database, label: string, migrations: readonly Migration[]): number[] {
  migrations.forEach((migration, index) => {
    if (migration.id !== index + 1) throw new Error(`${label} migrations must be numbered 1, 2, 3…; #${index + 1} is ${migration.id}`);
  });
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');

  const done = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as { id: number; name: string }[];
  done.forEach((row, index) => {
    const known = migrations[index];
    if (!known || known.id !== row.id || known.name !== row.name) {
      throw new MigrationError(
        `${label} has migration ${row.id} "${row.name}", which this version of Pillar HQ does not know at that place ` +
          `(it knows ${migrations.map((m) => `${m.id} "${m.name}"`).join(', ') || 'none'}). It was written by another version of HQ.`,
      );
    }
  });

  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations.slice(done.length)) {
    // IMMEDIATE: two processes opening a fresh data folder at once must not both run migration 1.
    db.transaction(() => {
      const already = db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').get(migration.id);
      if (already) return;
      db.exec(migration.sql);
      record.run(migration.id, migration.name, Date.now());
      applied.push(migration.id);
    }).immediate();
  }
  return applied;
}
