import type { z } from 'zod';
import { HqError } from '../../../shared/sync/protocol';
import { UPSTREAM, type UpstreamKind } from '../../../shared/sync/upstream';
import { describe } from '../sync/hqClient';
import { DEFAULT_OUTBOX_TIMING } from './outbox';

/**
 * What one post of an outbox row came to. The deliverer acts on the kind: `delivered` is final; `retry`
 * waits and posts the same body again (HQ applies a key once, so a repeat is safe); `code-taken` mints a
 * new order code first; `rejected` is final and shown to staff.
 */
export type PostOutcome =
  | { kind: 'delivered'; answer: unknown }
  /** `unreachable`: HQ itself is down or failing (not this row): the deliverer pauses every row. */
  | { kind: 'retry'; reason: string; unreachable: boolean }
  | { kind: 'code-taken'; reason: string }
  | { kind: 'rejected'; reason: string };

export interface UpstreamClientOptions {
  url: string;
  token: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}


/**
 * Posts outbox rows to HQ (shared/sync/upstream.ts): `POST <path>` with `Idempotency-Key: <row id>` and
 * the row's stored body, byte for byte. Never throws: every failure is an outcome. The statuses that mean
 * "not this row's fault" — 401/403 (the pillar's token, a matter for IT), 404 (an HQ without the
 * endpoint yet), 408, 429 and 5xx — are retried, never turned into a refusal that would strand an order.
 */
export class UpstreamClient {
  readonly #base: string;
  readonly #token: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: UpstreamClientOptions) {
    this.#base = options.url.replace(/\/+$/, '');
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_OUTBOX_TIMING.requestTimeoutMs;
    this.#fetch = options.fetch ?? fetch;
  }

  async post(kind: UpstreamKind, id: string, body: string, signal?: AbortSignal): Promise<PostOutcome> {
    const { path, answer } = UPSTREAM[kind];
    // Every upstream answer is a receipt naming the row: anything else is an answer that did not survive the trip.
    const receipt = (json: unknown): unknown => {
      const parsed = answer.safeParse(json);
      return parsed.success && parsed.data.id === id ? parsed.data : undefined;
    };
    // Only orders have codes: a CODE_TAKEN for anything else is HQ misbehaving, and refused like any 4xx.
    return this.#post(path, id, body, receipt, kind === 'order', signal);
  }

  /**
   * `POST <path>` with `Idempotency-Key: <id>` outside the outbox (a coupon pool top-up): the same
   * statuses mean the same outcomes, and a 2xx whose body `answer` does not accept is retried.
   */
  async request<T>(path: string, id: string, body: string, answer: z.ZodType<T>, signal?: AbortSignal): Promise<Exclude<PostOutcome, { kind: 'delivered' | 'code-taken' }> | { kind: 'delivered'; answer: T }> {
    const outcome = await this.#post(path, id, body, (json) => answer.safeParse(json).data, false, signal);
    if (outcome.kind === 'code-taken') return { kind: 'rejected', reason: outcome.reason };
    return outcome.kind === 'delivered' ? { kind: 'delivered', answer: outcome.answer as T } : outcome;
  }

  async #post(path: string, id: string, body: string, accept: (json: unknown) => unknown, codes: boolean, signal?: AbortSignal): Promise<PostOutcome> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let status: number;
    let text: string;
    try {
      const response = await this.#fetch(`${this.#base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.#token}`, 'content-type': 'application/json', 'idempotency-key': id },
        body,
        signal: combined,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const why = timeout.aborted ? `no answer within ${this.#timeoutMs} ms` : describe(error);
      return { kind: 'retry', reason: `HQ at ${this.#base} cannot be reached: ${why}`, unreachable: true };
    }

    if (status >= 200 && status < 300) {
      const accepted = accept(safeJson(text));
      if (accepted === undefined) {
        // HQ has applied it (a 2xx) but the answer did not survive the trip: a replay returns the first answer.
        return { kind: 'retry', reason: `HQ's answer to ${path} is not a receipt for this row (${text.length} bytes)`, unreachable: false };
      }
      return { kind: 'delivered', answer: accepted };
    }

    const error = HqError.safeParse(safeJson(text));
    const code = error.success ? error.data.error.code : null;
    const reason = error.success ? `HQ answered ${status} ${code}: ${error.data.error.message}${issues(error.data)}` : `HQ answered ${status}`;
    if (status === 409 && code === 'CODE_TAKEN' && codes) return { kind: 'code-taken', reason };
    if (status === 409 && code === 'IN_FLIGHT') return { kind: 'retry', reason, unreachable: false };
    if (status >= 500 || status === 408 || status === 429) return { kind: 'retry', reason, unreachable: true };
    if (status === 401 || status === 403 || status === 404) return { kind: 'retry', reason: `${reason} (a configuration matter for IT; retrying)`, unreachable: true };
    return { kind: 'rejected', reason };
  }
}

function issues(error: HqError): string {
  const list = error.error.issues ?? [];
  return list.length > 0 ? ` (${list.slice(0, 5).map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ')})` : '';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
