import { describe, expect, it } from 'vitest';
import { decideVersion, type Rollout, rolloutBucket } from './rollout';

const rollout = (id: number, version: string, percent: number, stores: string[] = []): Rollout => ({ id, channel: 'latest', version, percent, stores, createdAt: id });
const kiosks = Array.from({ length: 1000 }, (_, i) => `kiosk-${i + 1}`);

describe('staged rollout decisions', () => {
  it('a percentage reaches about that share of 1000 pillars, the rest stay on the last full rollout', () => {
    const history = [rollout(1, '1.0.0', 100), rollout(2, '1.1.0', 25)];
    const decided = kiosks.map((kiosk) => decideVersion(history, kiosk, 'se-sto-1'));
    const onNew = decided.filter((version) => version === '1.1.0').length;
    expect(onNew).toBeGreaterThan(200);
    expect(onNew).toBeLessThan(300);
    expect(decided.filter((version) => version === '1.0.0').length).toBe(1000 - onNew);
  });

  it('is the same on every call, grows with the percentage (those already on it stay) and differs per version', () => {
    const at10 = new Set(kiosks.filter((kiosk) => decideVersion([rollout(1, '2.0.0', 10)], kiosk, 's') === '2.0.0'));
    const at50 = new Set(kiosks.filter((kiosk) => decideVersion([rollout(1, '2.0.0', 50)], kiosk, 's') === '2.0.0'));
    for (const kiosk of at10) expect(at50.has(kiosk)).toBe(true);
    expect(kiosks.map((kiosk) => rolloutBucket(kiosk, '2.0.0'))).toEqual(kiosks.map((kiosk) => rolloutBucket(kiosk, '2.0.0')));
    const other = new Set(kiosks.filter((kiosk) => rolloutBucket(kiosk, '2.1.0') < 10));
    expect([...at10].filter((kiosk) => other.has(kiosk)).length).toBeLessThan(at10.size);
  });

  it("pins every pillar of a listed store, whatever its bucket; 0 % with stores reaches those stores only", () => {
    const history = [rollout(1, '1.0.0', 100), rollout(2, '1.2.0', 0, ['se-pilot'])];
    expect(kiosks.every((kiosk) => decideVersion(history, kiosk, 'se-pilot') === '1.2.0')).toBe(true);
    expect(kiosks.every((kiosk) => decideVersion(history, kiosk, 'se-other') === '1.0.0')).toBe(true);
  });

  it('with no earlier full rollout, pillars outside the rollout are told nothing; with no rollout, nobody is', () => {
    expect(kiosks.filter((kiosk) => decideVersion([rollout(1, '1.0.0', 0)], kiosk, 's') !== null)).toEqual([]);
    expect(decideVersion([], 'kiosk-1', 's')).toBeNull();
    // The newest full rollout before the current one counts, not an older one.
    const history = [rollout(1, '1.0.0', 100), rollout(2, '1.1.0', 100), rollout(3, '1.2.0', 50, ['x']), rollout(4, '1.3.0', 0)];
    expect(decideVersion(history, 'kiosk-7', 's')).toBe('1.1.0');
  });
});
