import { describe, expect, it } from 'vitest';
import { type Sliced, Superseded, identity, runInSlices, runNow, sortSliced } from './timeSlice';

function* counting(steps: number, log: string[]): Sliced<number> {
  try {
    for (let i = 0; i < steps; i++) yield;
    return steps;
  } finally {
    log.push('closed');
  }
}

describe('time slices', () => {
  it('time slices: the same work gives the same answer at once and in slices', async () => {
    const log: string[] = [];
    expect(runNow(counting(1000, log))).toBe(1000);
    expect(await runInSlices(counting(1000, log), { sliceMs: 0 })).toBe(1000);
    expect(log).toEqual(['closed', 'closed']);
  });

  it('time slices: cancelled work stops between slices and releases what it holds', async () => {
    const log: string[] = [];
    let slices = 0;
    const run = runInSlices(counting(1_000_000, log), { sliceMs: 0, cancelled: () => ++slices > 3 });
    await expect(run).rejects.toBeInstanceOf(Superseded);
    expect(log).toEqual(['closed']);
  });

  it('time slices: the sliced sort is stable and agrees with the engine’s sort', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (const n of [0, 1, 2, 15, 16, 17, 100, 1000, 4099]) {
      const keys = Array.from({ length: n }, () => Math.floor(random() * 50));
      const sorted = runNow(sortSliced(identity(n), (a, b) => (keys[a] ?? 0) < (keys[b] ?? 0)));
      // The engine's sort is stable too: equal keys keep their original order.
      const expected = [...identity(n)].sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));
      expect([...sorted], `n = ${n}`).toEqual(expected);
    }
  });
});
