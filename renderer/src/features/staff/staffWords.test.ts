import { describe, expect, it } from 'vitest';
import { countdown, formatBytes, helpPlace, knownScreen, queueStale, waitedMinutes } from './staffWords';

describe('staff words', () => {
  it('counts whole minutes waited, never below zero', () => {
    const at = 1_000_000;
    expect(waitedMinutes(at, at + 59_000)).toBe(0);
    expect(waitedMinutes(at, at + 4 * 60_000 + 30_000)).toBe(4);
    expect(waitedMinutes(at, at - 5_000)).toBe(0);
  });

  it('reads where a call came from', () => {
    expect(helpPlace('product:NV-10042')).toEqual({ screen: 'product', styleCode: 'NV-10042' });
    expect(helpPlace('checkout')).toEqual({ screen: 'checkout', styleCode: null });
    expect(knownScreen('stores')).toBe('stores');
    expect(knownScreen('offer')).toBe('other');
  });

  it('counts a lock down in minutes and seconds, rounding up so it never shows 0:00 early', () => {
    expect(countdown(90_000, 0)).toBe('1:30');
    expect(countdown(27_100, 0)).toBe('0:28');
    expect(countdown(0, 5_000)).toBe('0:00');
  });

  it('calls a queue stale when HQ was never read or not for two minutes', () => {
    expect(queueStale(null, 10)).toBe(true);
    expect(queueStale(0, 60_000)).toBe(false);
    expect(queueStale(0, 3 * 60_000)).toBe(true);
  });

  it('writes sizes in the largest unit above one', () => {
    expect(formatBytes(340_000_000, 'en-GB')).toBe('340 MB');
    expect(formatBytes(1_234_000_000, 'en-GB')).toBe('1.2 GB');
    expect(formatBytes(512, 'en-GB')).toBe('512 byte');
  });
});
