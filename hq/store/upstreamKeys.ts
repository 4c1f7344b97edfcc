import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { type Answer, type Claim, type ClaimedRequest, IdempotencyMismatch, type KeyKind, KeyInFlight, type UpstreamRequest } from './store';

/**
 * How long a claim holds its key. A request applies in milliseconds; a claim this old belongs to a
 * request that died with its process (or whose payment provider never answered), and the next try takes
 * it over. Long enough that no live request loses its claim, short enough that a pillar retrying after
 * HQ crashed mid-request is answered within a minute.
 */
export const IN_FLIGHT_LEASE_MS = 30_000;

/** Keys are kept at least this long: longer than any outage a pillar retries through. */
export const UPSTREAM_KEY_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** What a key, or the business row it created, says about an earlier request. */
export interface Recorded {
  kind: KeyKind;
  storeCode: string;
  requestSha256: string;
  answer: Answer<unknown>;
}

interface KeyRow {
  kind: KeyKind;
  storeCode: string;
  requestSha256: string;
  state: 'in-flight' | 'done';
  claimId: string | null;
  claimedAt: number;
  status: number | null;
  answer: string | null;
}

/**
 * The idempotency keys of upstream requests. Every method runs inside the caller's IMMEDIATE transaction,
 * so reading a key and writing it are one step for every process that shares hq.db.
 */
export class UpstreamKeys {
  readonly #s: Record<'get' | 'insert' | 'takeOver' | 'finish' | 'release' | 'releaseAll' | 'forget', Statement>;

  constructor(db: Database) {
    this.#s = {
      get: db.prepare(
        `SELECT kind, store_code AS storeCode, request_sha256 AS requestSha256, state, claim_id AS claimId, claimed_at AS claimedAt, status, answer
         FROM upstream_keys WHERE key = ?`,
      ),
      insert: db.prepare(
        `INSERT INTO upstream_keys (key, kind, store_code, kiosk_id, request_sha256, state, claim_id, claimed_at, created_at)
         VALUES (?, ?, ?, ?, ?, 'in-flight', ?, ?, ?)`,
      ),
      takeOver: db.prepare("UPDATE upstream_keys SET claim_id = ?, claimed_at = ?, kiosk_id = ? WHERE key = ? AND state = 'in-flight'"),
      finish: db.prepare("UPDATE upstream_keys SET state = 'done', claim_id = NULL, status = ?, answer = ? WHERE key = ? AND claim_id = ?"),
      release: db.prepare("DELETE FROM upstream_keys WHERE key = ? AND claim_id = ? AND state = 'in-flight'"),
      releaseAll: db.prepare("DELETE FROM upstream_keys WHERE state = 'in-flight'"),
      forget: db.prepare('DELETE FROM upstream_keys WHERE created_at < ?'),
    };
  }

  /**
   * Claims the key for a first request, or answers from what was recorded. `recorded` looks for the row
   * the key created: after its key was forgotten, a late replay is still answered from the row itself.
   */
  claim(request: UpstreamRequest, recorded: (kind: KeyKind, id: string) => Recorded | null): Claim {
    const row = this.#s.get.get(request.key) as KeyRow | undefined;
    if (row) {
      if (!sameRequest(row, request)) throw new IdempotencyMismatch();
      if (row.state === 'done') return { kind: 'answered', answer: answerOf(row) };
      if (row.claimedAt > request.now - IN_FLIGHT_LEASE_MS) throw new KeyInFlight();
      const claimId = randomUUID();
      this.#s.takeOver.run(claimId, request.now, request.kioskId, request.key);
      return { kind: 'claimed', claimId };
    }
    const earlier = recorded(request.kind, request.key);
    if (earlier) {
      if (!sameRequest(earlier, request)) throw new IdempotencyMismatch();
      return { kind: 'answered', answer: earlier.answer };
    }
    const claimId = randomUUID();
    this.#s.insert.run(request.key, request.kind, request.storeCode, request.kioskId, request.requestSha256, claimId, request.now, request.now);
    return { kind: 'claimed', claimId };
  }

  /**
   * Before applying: is the claim still this request's? Null when it is; the recorded answer when a
   * request that took the claim over finished it meanwhile; `KeyInFlight` when another request holds it
   * now (or it was released), so the pillar retries and is answered then.
   */
  stillHeld(request: ClaimedRequest): Answer<unknown> | null {
    const row = this.#s.get.get(request.key) as KeyRow | undefined;
    if (row?.state === 'in-flight' && row.claimId === request.claimId) return null;
    if (row?.state === 'done' && sameRequest(row, request)) return answerOf(row);
    throw new KeyInFlight();
  }

  /** Records the answer of a claimed request: call it in the transaction that wrote the business row. */
  finish(request: ClaimedRequest, answer: Answer<unknown>): void {
    const changed = this.#s.finish.run(answer.status, JSON.stringify(answer.body), request.key, request.claimId).changes;
    // stillHeld() ran in this same transaction: nothing can have taken the claim since.
    if (changed !== 1) throw new Error(`the claim on upstream key ${request.key} was lost inside its own transaction`);
  }

  release(key: string, claimId: string): void {
    this.#s.release.run(key, claimId);
  }

  releaseAll(): number {
    return this.#s.releaseAll.run().changes;
  }

  forget(before: number): number {
    return this.#s.forget.run(before).changes;
  }
}

function sameRequest(earlier: Pick<Recorded, 'kind' | 'storeCode' | 'requestSha256'>, request: UpstreamRequest): boolean {
  return earlier.kind === request.kind && earlier.storeCode === request.storeCode && earlier.requestSha256 === request.requestSha256;
}

function answerOf(row: KeyRow): Answer<unknown> {
  return { status: row.status ?? 200, body: JSON.parse(row.answer ?? 'null') as unknown };
}
