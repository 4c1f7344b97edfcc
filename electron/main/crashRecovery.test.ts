import { describe, expect, it } from 'vitest';
import { CrashPolicy } from './crashRecovery';

describe('crash recovery', () => {
  it('reloads after a crash with a growing delay', () => {
    const policy = new CrashPolicy();
    expect(policy.record(0)).toEqual({ action: 'reload', delayMs: 1000 });
    expect(policy.record(5_000)).toEqual({ action: 'reload', delayMs: 2000 });
  });

  it('shows the recovery page after repeated crashes instead of crash-looping', () => {
    const policy = new CrashPolicy();
    policy.record(0);
    policy.record(1_000);
    expect(policy.record(2_000)).toEqual({ action: 'recover', retryAfterMs: 60_000 });
  });

  it('forgets crashes older than its window', () => {
    const policy = new CrashPolicy();
    policy.record(0);
    policy.record(1_000);
    expect(policy.record(10 * 60_000)).toEqual({ action: 'reload', delayMs: 1000 });
  });
});
