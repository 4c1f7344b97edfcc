/**
 * What to do when the renderer dies or hangs: reload with a growing delay; after several crashes in a
 * short time, show the calm recovery page instead of crash-looping, and try the app again later.
 */
export type CrashDecision = { action: 'reload'; delayMs: number } | { action: 'recover'; retryAfterMs: number };

export interface CrashPolicyOptions {
  /** Crashes within `windowMs` that switch to the recovery page. */
  maxCrashes: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  retryAfterMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicyOptions = {
  maxCrashes: 3,
  windowMs: 2 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 15_000,
  retryAfterMs: 60_000,
};

export class CrashPolicy {
  #crashes: number[] = [];

  constructor(private readonly options: CrashPolicyOptions = DEFAULT_CRASH_POLICY) {}

  record(now: number): CrashDecision {
    this.#crashes = [...this.#crashes.filter((at) => now - at < this.options.windowMs), now];
    const recent = this.#crashes.length;
    if (recent >= this.options.maxCrashes) {
      return { action: 'recover', retryAfterMs: this.options.retryAfterMs };
    }
    const delayMs = Math.min(this.options.baseDelayMs * 2 ** (recent - 1), this.options.maxDelayMs);
    return { action: 'reload', delayMs };
  }

  /** The app ran long enough after a recovery: forget old crashes. */
  reset(): void {
    this.#crashes = [];
  }
}
