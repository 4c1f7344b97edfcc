import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_MIGRATIONS } from '../db/localSchema';
import { migrate } from '../db/migrate';
import { openLocal } from '../db/open';
import { tempDir } from '../testing/fixtures';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir('pillar-migration-')));
afterEach(() => dir.cleanup());

describe('local.db migration 4 (staff mode)', () => {
  it('keeps the help requests and outbox rows of a pillar updated in the field, and takes the new kinds', () => {
    const file = path.join(dir.dir, 'local.db');
    const before = new Database(file);
    migrate(before, 'local.db', LOCAL_MIGRATIONS.filter((m) => m.id < 4));
    before.prepare("INSERT INTO help_requests (id, created_at, screen, status, acknowledged_at) VALUES ('h1', 100, 'search', 'acknowledged', 150)").run();
    before.prepare("INSERT INTO outbox (id, kind, payload, created_at, next_attempt_at) VALUES ('o1', 'help', '{}', 100, 100)").run();
    expect(() => before.prepare("INSERT INTO outbox (id, kind, payload, created_at, next_attempt_at) VALUES ('o2', 'staff-action', '{}', 100, 100)").run()).toThrow(/CHECK/);
    before.close();

    const db = openLocal(file);
    expect(db.prepare('SELECT id, status, kiosk, by_name, changed_at FROM help_requests').all()).toEqual([{ id: 'h1', status: 'acknowledged', kiosk: null, by_name: null, changed_at: 150 }]);
    expect(db.prepare('SELECT id, kind, state FROM outbox').all()).toEqual([{ id: 'o1', kind: 'help', state: 'pending' }]);
    for (const kind of ['staff-action', 'help-update']) db.prepare("INSERT INTO outbox (id, kind, payload, created_at, next_attempt_at) VALUES (?, ?, '{}', 200, 200)").run(kind, kind);
    expect(db.prepare('SELECT failures, lockouts, locked_until FROM staff_lockout').all()).toEqual([{ failures: 0, lockouts: 0, locked_until: null }]);
    db.close();
  });
});
