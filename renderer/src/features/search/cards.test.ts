import { describe, expect, it } from 'vitest';
import type { ProductCard, ProductDetail } from '../../../../shared/api/catalog';
import { cardImage, cardOf, patchCards } from './cards';

function card(styleCode: string, status: ProductCard['status'] = 'here'): ProductCard {
  return {
    styleCode,
    name: `Product ${styleCode}`,
    brand: 'Nordvik',
    category: { id: 'jeans', name: 'Jeans' },
    price: { minor: 59900, currency: 'SEK' },
    rating: { average: 4.2, count: 12 },
    image: null,
    colourImages: {},
    colours: [],
    status,
  };
}

describe('result cards', () => {
  it('cards: a re-read card replaces its old self in place; the others stay the very same objects', () => {
    const items = [card('A'), card('B'), card('C')];
    const patched = patchCards(items, new Map([['B', card('B', 'soldout')]]));
    expect(patched.map((item) => [item.styleCode, item.status])).toEqual([
      ['A', 'here'],
      ['B', 'soldout'],
      ['C', 'here'],
    ]);
    expect(patched[0]).toBe(items[0]);
    expect(patched[2]).toBe(items[2]);
  });

  it('cards: a fresh card for a product no longer on screen is not added', () => {
    const items = [card('A')];
    expect(patchCards(items, new Map([['Z', card('Z')]]))).toEqual(items);
  });

  it('cards: a product page’s answer gives back exactly a card, nothing more', () => {
    const detail: ProductDetail = { ...card('A', 'nearby'), description: 'Soft denim', images: { blue: ['a.svg'] }, sizes: ['M'], variants: [] };
    expect(cardOf(detail)).toEqual(card('A', 'nearby'));
  });

  it('cards: filtered by colour, a card shows the first chosen colour it has a picture of, else its own picture', () => {
    const shirt = { ...card('A'), image: 'shirt-navy.svg', colourImages: { navy: 'shirt-navy.svg', green: 'shirt-green.svg' } };
    expect(cardImage(shirt, [])).toBe('shirt-navy.svg');
    expect(cardImage(shirt, ['green'])).toBe('shirt-green.svg');
    expect(cardImage(shirt, ['red', 'green'])).toBe('shirt-green.svg');
    expect(cardImage(shirt, ['red'])).toBe('shirt-navy.svg');
  });
});
