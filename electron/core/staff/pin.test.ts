import { describe, expect, it } from 'vitest';
import { PinHash } from '../../../shared/sync/entities';
import { hashPin, verifyPin } from './pin';

describe('staff PINs', () => {
  it('verifies the PIN a hash was made from and nothing else; each hash has its own salt', async () => {
    const hash = await hashPin('2580', { N: 2 ** 14 });
    expect(PinHash.parse(hash)).toEqual(hash);
    expect(await verifyPin('2580', hash)).toBe(true);
    for (const wrong of ['2581', '0258', '25800', '']) expect(await verifyPin(wrong, hash), wrong).toBe(false);
    const again = await hashPin('2580', { N: 2 ** 14 });
    expect(again.salt).not.toBe(hash.salt);
    expect(again.hash).not.toBe(hash.hash);
  });

  it('answers false, never throws, for a hash it cannot trust or use (a truncated key, other parameters, N past any memory)', async () => {
    const hash = await hashPin('1379', { N: 2 ** 14 });
    expect(await verifyPin('1379', { ...hash, hash: hash.hash.slice(0, 24) })).toBe(false);
    expect(await verifyPin('1379', { ...hash, p: 4 })).toBe(false);
    expect(await verifyPin('1379', { ...hash, N: 2 ** 40, r: 32 })).toBe(false);
  });

  it('verifies a hash at the strongest parameters HQ may publish without a memory error (N = 2^15 as the demo, r = 8)', async () => {
    const hash = await hashPin('4826', { N: 2 ** 15, r: 8, p: 1 });
    expect(await verifyPin('4826', hash)).toBe(true);
  });
});
