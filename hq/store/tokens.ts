import { createHash, randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { StoreInputError } from './store';

/**
 * Pillar and till tokens: 32 random bytes (base64url) handed out once; HQ keeps only their SHA-256, so a
 * copy of hq.db opens no pillar's feed and redeems no code. A token is scoped to one store, and each kind
 * has its own table: a pillar's token never redeems, a till's never syncs.
 */
export class StoreTokens {
  readonly #prefix: 'kiosk' | 'till';
  readonly #what: string;
  readonly #s: Record<'store' | 'insert' | 'byHash', Statement>;

  constructor(db: Database, kind: 'kiosk' | 'till') {
    const table = kind === 'kiosk' ? 'kiosk_tokens' : 'till_tokens';
    this.#prefix = kind;
    this.#what = kind === 'kiosk' ? 'A pillar label' : 'A till label';
    this.#s = {
      store: db.prepare("SELECT 1 FROM locations WHERE code = ? AND kind = 'store'").pluck(),
      insert: db.prepare(`INSERT INTO ${table} (token_sha256, store_code, label, created_at) VALUES (?, ?, ?, ?)`),
      byHash: db.prepare(`SELECT id, store_code AS storeCode FROM ${table} WHERE token_sha256 = ? AND revoked_at IS NULL`),
    };
  }

  issue(storeCode: string, label: string | undefined, now: number): string {
    if (typeof storeCode !== 'string' || !this.#s.store.get(storeCode)) {
      throw new StoreInputError(`There is no store "${String(storeCode)}"`, [{ path: 'store', message: 'must be the code of one of the chain\'s stores' }]);
    }
    if (label !== undefined && (typeof label !== 'string' || label.length > 120)) {
      throw new StoreInputError(`${this.#what} is at most 120 characters`, [{ path: 'label', message: 'must be at most 120 characters' }]);
    }
    const token = randomBytes(32).toString('base64url');
    this.#s.insert.run(sha256(token), storeCode, label ?? null, now);
    return token;
  }

  /** The store the token opens and who holds it (`kiosk-<n>`, `till-<n>`), or null. */
  authenticate(token: string): { storeCode: string; holder: string } | null {
    // A real token is 43 characters; anything far off is not worth hashing.
    if (typeof token !== 'string' || token.length === 0 || token.length > 256) return null;
    const row = this.#s.byHash.get(sha256(token)) as { id: number; storeCode: string } | undefined;
    return row ? { storeCode: row.storeCode, holder: `${this.#prefix}-${row.id}` } : null;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
