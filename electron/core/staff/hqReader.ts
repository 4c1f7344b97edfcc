import type { z } from 'zod';
import { HelpQueue } from '../../../shared/sync/staff';
import { OrderStatusList } from '../../../shared/sync/upstream';
import { describe } from '../sync/hqClient';

export interface HqReaderOptions {
  url: string;
  token: string;
  store: string;
  /** How long staff wait for HQ before the pillar answers from what it has (default 4 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** HQ could not be read (down, refused, or an answer of the wrong shape); the reason names no secret. */
export class HqReadFailed extends Error {}

/**
 * What staff mode reads from HQ: the store's "call staff" queue and the status of this pillar's orders.
 * Short timeouts: staff are standing at the screen, and every answer has an offline fallback.
 */
export class HqReader {
  readonly #o: HqReaderOptions;
  readonly #base: string;

  constructor(options: HqReaderOptions) {
    this.#o = options;
    this.#base = options.url.replace(/\/+$/, '');
  }

  helpQueue(): Promise<HelpQueue> {
    return this.#get(`/v1/stores/${encodeURIComponent(this.#o.store)}/help-requests`, HelpQueue);
  }

  /** Where these orders stand at HQ (ids HQ does not know are left out of its answer). */
  orderStatuses(ids: readonly string[]): Promise<OrderStatusList> {
    return this.#get(`/v1/stores/${encodeURIComponent(this.#o.store)}/orders/status?ids=${ids.map(encodeURIComponent).join(',')}`, OrderStatusList);
  }

  async #get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await (this.#o.fetch ?? fetch)(`${this.#base}${path}`, {
        headers: { authorization: `Bearer ${this.#o.token}` },
        signal: AbortSignal.timeout(this.#o.timeoutMs ?? 4_000),
      });
      text = await response.text();
    } catch (error) {
      throw new HqReadFailed(`HQ at ${this.#base} cannot be reached: ${describe(error)}`);
    }
    if (!response.ok) throw new HqReadFailed(`HQ answered ${response.status} to ${path.split('?')[0]}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HqReadFailed(`HQ's answer to ${path.split('?')[0]} is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HqReadFailed(`HQ's answer to ${path.split('?')[0]} has an unexpected shape`);
    return parsed.data;
  }
}
