import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StockTuple, stockTuples } from './entities';

const good: unknown[] = [
  ['SKU-1', 'se-sto-drottninggatan', 0, 0],
  ['a', 'b', 1_000_000, Date.now()],
  ['X.y_z-9', 'w1', 7, Number.MAX_SAFE_INTEGER],
];
const bad: unknown[] = [
  ['SKU-1', 'se-sto', -1, 0],
  ['SKU-1', 'se-sto', 1.5, 0],
  ['SKU-1', 'se-sto', 1_000_001, 0],
  ['SKU-1', 'se-sto', 1, -5],
  ['SKU-1', 'se-sto', 1, 2 ** 53],
  ['SKU-1', 'se-sto', '1', 0],
  ['SKU-1', 'se-sto', Number.NaN, 0],
  ['-SKU', 'se-sto', 1, 0],
  ['SKU 1', 'se-sto', 1, 0],
  ['', 'se-sto', 1, 0],
  ['S'.repeat(65), 'se-sto', 1, 0],
  ['SKU-1', 'se/sto', 1, 0],
  ['SKU-1', 'se-sto', 1],
  ['SKU-1', 'se-sto', 1, 0, 'extra'],
  { sku: 'SKU-1', location: 'se-sto', quantity: 1, changedAt: 0 },
  null,
  'SKU-1',
];

describe('stockTuples', () => {
  const levels = stockTuples(1, 10);

  it('takes exactly the levels StockTuple takes, unchanged', () => {
    for (const tuple of good) {
      expect(StockTuple.safeParse(tuple).success).toBe(true);
      expect(levels.parse([tuple, tuple])).toEqual([tuple, tuple]);
    }
  });

  it('refuses every level StockTuple refuses, with its message at the level\'s index', () => {
    for (const tuple of bad) {
      const own = StockTuple.safeParse(tuple);
      expect(own.success, JSON.stringify(tuple)).toBe(false);
      const result = levels.safeParse([good[0], tuple]);
      expect(result.success, JSON.stringify(tuple)).toBe(false);
      expect(result.error?.issues[0]?.path[0]).toBe(1);
      expect(result.error?.issues[0]?.message).toBe(own.error?.issues[0]?.message);
    }
  });

  it('keeps the bounds on how many levels', () => {
    expect(levels.safeParse([]).success).toBe(false);
    expect(levels.safeParse(Array(11).fill(good[0])).success).toBe(false);
    expect(z.object({ levels }).safeParse({ levels: 'none' }).success).toBe(false);
  });
});
