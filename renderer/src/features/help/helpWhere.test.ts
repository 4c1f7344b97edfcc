import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY } from '../search/searchQuery';
import { helpWhere } from './helpWhere';

describe('where a call for staff comes from', () => {
  const start = { name: 'start' } as const;

  it('help: the start screen with nothing asked for is "start"', () => {
    expect(helpWhere(start, EMPTY_QUERY)).toEqual({ screen: 'start' });
    expect(helpWhere(start, { ...EMPTY_QUERY, text: '   ' })).toEqual({ screen: 'start' });
  });

  it('help: results shown for words, a category, or only a size or colour filter are "results"', () => {
    expect(helpWhere(start, { ...EMPTY_QUERY, text: 'jeans' })).toEqual({ screen: 'results' });
    expect(helpWhere(start, { ...EMPTY_QUERY, category: 'jeans' })).toEqual({ screen: 'results' });
    expect(helpWhere(start, { ...EMPTY_QUERY, sizes: ['W32 L34'] })).toEqual({ screen: 'results' });
    expect(helpWhere(start, { ...EMPTY_QUERY, colours: ['navy'] })).toEqual({ screen: 'results' });
  });

  it('help: a product or its stores name the product; the bag and checkout are named as such', () => {
    expect(helpWhere({ name: 'product', styleCode: 'NV-10042' }, EMPTY_QUERY)).toEqual({ screen: 'product', styleCode: 'NV-10042' });
    const stores = { name: 'stores', styleCode: 'NV-10042', sku: 'NV-10042-NAV-M' } as const;
    expect(helpWhere(stores, EMPTY_QUERY)).toEqual({ screen: 'stores', styleCode: 'NV-10042' });
    expect(helpWhere({ name: 'bag' }, { ...EMPTY_QUERY, text: 'jeans' })).toEqual({ screen: 'bag' });
  });
});
