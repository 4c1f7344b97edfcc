import { describe, expect, it } from 'vitest';
import { groupSizes, sizeKind } from './sizeGroups';

describe('size groups', () => {
  it('sizes: letters, numbers, waist and length, and lengths in cm are told apart', () => {
    expect(['XS', 'M', 'XXL', 'One size'].map(sizeKind)).toEqual(['letter', 'letter', 'letter', 'letter']);
    expect(['36', '42', '44.5', '9/10'].map(sizeKind)).toEqual(['number', 'number', 'number', 'number']);
    expect(['W32 L34', 'W28L30'].map(sizeKind)).toEqual(['waistLength', 'waistLength']);
    expect(['90 cm', '105cm'].map(sizeKind)).toEqual(['length', 'length']);
  });

  it('sizes: a mixed catalog reads as groups, each in size order, groups in the order they first come', () => {
    expect(groupSizes(['One size', 'S', 'M', '36', '37', '80 cm', 'W25 L30', 'W25 L32'])).toEqual([
      { kind: 'letter', sizes: ['One size', 'S', 'M'] },
      { kind: 'number', sizes: ['36', '37'] },
      { kind: 'length', sizes: ['80 cm'] },
      { kind: 'waistLength', sizes: ['W25 L30', 'W25 L32'] },
    ]);
  });

  it('sizes: one kind is one group; none is none', () => {
    expect(groupSizes(['S', 'M'])).toEqual([{ kind: 'letter', sizes: ['S', 'M'] }]);
    expect(groupSizes([])).toEqual([]);
  });
});
