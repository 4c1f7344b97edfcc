/**
 * At most `max` attempts per client address in any `windowMs`, kept in memory: enough to make guessing
 * a 60-bit code from one address pointless, and a restart forgets nothing that matters. Addresses that
 * went quiet are dropped as the map is swept, so a scan from many addresses cannot grow it for ever.
 */
export class AttemptLimit {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #attempts = new Map<string, number[]>();
  #sweptAt = 0;

  constructor(options: { max: number; windowMs: number }) {
    this.#max = options.max;
    this.#windowMs = options.windowMs;
  }

  /** Counts an attempt from `client` at `now`; answers 0 when it may go ahead, else the milliseconds until it may. */
  take(client: string, now: number): number {
    if (now - this.#sweptAt > this.#windowMs) this.#sweep(now);
    const recent = (this.#attempts.get(client) ?? []).filter((at) => now - at < this.#windowMs);
    if (recent.length >= this.#max) {
      this.#attempts.set(client, recent);
      return Math.max(1, (recent[0] ?? now) + this.#windowMs - now);
    }
    recent.push(now);
    this.#attempts.set(client, recent);
    return 0;
  }

  #sweep(now: number): void {
    this.#sweptAt = now;
    for (const [client, times] of this.#attempts) {
      if (times.every((at) => now - at >= this.#windowMs)) this.#attempts.delete(client);
    }
  }
}
