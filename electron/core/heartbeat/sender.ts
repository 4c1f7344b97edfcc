import { HqError } from '../../../shared/sync/protocol';
import { HeartbeatAnswer, type HeartbeatInput, type RolloutDecision } from '../../../shared/sync/fleet';
import type { Logger } from '../log/logger';
import { backoffDelay } from '../outbox/outbox';
import { describe } from '../sync/hqClient';

export interface HeartbeatTiming {
  /** Between beats while HQ answers. */
  intervalMs: number;
  /** Per request. */
  timeoutMs: number;
  /** The longest wait between tries while HQ does not answer. */
  maxIntervalMs: number;
}

export const DEFAULT_HEARTBEAT_TIMING: HeartbeatTiming = { intervalMs: 60_000, timeoutMs: 15_000, maxIntervalMs: 10 * 60_000 };

export interface HeartbeatSenderOptions {
  url: string;
  /** The pillar's token: sent, never logged. */
  token: string;
  collect: (now: number) => HeartbeatInput;
  log: Logger;
  timing?: Partial<HeartbeatTiming>;
  fetch?: typeof fetch;
  now?: () => number;
  /** HQ answered a beat (its rollout decision may have changed). */
  onAnswer?: (answer: HeartbeatAnswer) => void;
}

/**
 * Posts the pillar's health to HQ (`POST /v1/heartbeat`) once at start and then every minute, and keeps
 * HQ's answer — the version this pillar should run — for the updater. While HQ does not answer, the beats
 * thin out (up to one every 10 minutes, with jitter so a store's pillars do not return in step). Nothing
 * here throws into the kiosk or waits on it: a failed beat is a log line, once per kind of failure.
 */
export class HeartbeatSender {
  readonly #options: HeartbeatSenderOptions;
  readonly #timing: HeartbeatTiming;
  readonly #base: string;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | null = null;
  #inFlight: Promise<void> | null = null;
  #abort = new AbortController();
  #failures = 0;
  #lastProblem: string | null = null;
  #rollout: RolloutDecision | null = null;
  #answeredAt: number | null = null;
  #closed = false;

  constructor(options: HeartbeatSenderOptions) {
    this.#options = options;
    this.#timing = { ...DEFAULT_HEARTBEAT_TIMING, ...options.timing };
    this.#base = options.url.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? fetch;
    this.#now = options.now ?? Date.now;
  }

  /** HQ's last rollout decision for this pillar (null: none, or not heard yet). */
  get rollout(): RolloutDecision | null {
    return this.#rollout;
  }

  /** When HQ last took a beat (this pillar's clock); null when never. */
  get answeredAt(): number | null {
    return this.#answeredAt;
  }

  start(): void {
    if (this.#closed || this.#timer || this.#inFlight) return;
    this.#beat();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#abort.abort();
    await this.#inFlight;
  }

  #beat(): void {
    this.#inFlight = this.#send()
      .then((ok) => {
        this.#failures = ok ? 0 : this.#failures + 1;
      })
      .finally(() => {
        this.#inFlight = null;
        if (this.#closed) return;
        const { intervalMs, maxIntervalMs } = this.#timing;
        const delay = this.#failures === 0 ? intervalMs : intervalMs + backoffDelay(this.#failures, { baseMs: intervalMs, maxMs: Math.max(0, maxIntervalMs - intervalMs) });
        this.#timer = setTimeout(() => {
          this.#timer = null;
          this.#beat();
        }, delay);
        this.#timer.unref();
      });
  }

  /** One beat; true when HQ took it. Never throws. */
  async #send(): Promise<boolean> {
    let body: string;
    try {
      body = JSON.stringify(this.#options.collect(this.#now()));
    } catch (error) {
      this.#problem(`the heartbeat could not be put together: ${(error as Error).message}`);
      return false;
    }
    const timeout = AbortSignal.timeout(this.#timing.timeoutMs);
    try {
      const response = await this.#fetch(`${this.#base}/v1/heartbeat`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.#options.token}`, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.any([this.#abort.signal, timeout]),
      });
      const text = await response.text();
      if (!response.ok) {
        const error = HqError.safeParse(safeJson(text));
        const why = error.success ? `${error.data.error.code}: ${error.data.error.message}` : `${text.length} bytes`;
        const forIt = response.status === 401 || response.status === 403 ? ' (the pillar token: a matter for IT)' : '';
        this.#problem(`HQ answered the heartbeat with ${response.status} ${why}${forIt}`);
        return false;
      }
      const answer = HeartbeatAnswer.safeParse(safeJson(text));
      if (!answer.success) {
        this.#problem(`HQ's answer to the heartbeat is not a heartbeat answer (${text.length} bytes)`);
        return false;
      }
      this.#rollout = answer.data.rollout;
      this.#answeredAt = this.#now();
      if (this.#lastProblem) this.#options.log.info('heartbeat: HQ takes heartbeats again');
      this.#lastProblem = null;
      this.#options.onAnswer?.(answer.data);
      return true;
    } catch (error) {
      if (this.#abort.signal.aborted) return false;
      this.#problem(`HQ at ${this.#base} cannot be reached for the heartbeat: ${timeout.aborted ? `no answer within ${this.#timing.timeoutMs} ms` : describe(error)}`);
      return false;
    }
  }

  /** Logs a failure once until it changes or HQ answers again: a pillar offline for a day writes one line, not 1,440. */
  #problem(reason: string): void {
    if (reason === this.#lastProblem) return;
    this.#lastProblem = reason;
    this.#options.log.warn({ reason }, 'heartbeat not delivered; retrying later');
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
