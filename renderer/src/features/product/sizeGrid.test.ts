import { describe, expect, it } from 'vitest';
import type { AvailabilityOutput, ProductDetail, VariantAvailability } from '../../../../shared/api/catalog';
import { galleryOf, nearestStore, sameSizeInOtherColours, selectionOf, sizeCells, switchColour } from './sizeGrid';

type Nearby = VariantAvailability['nearby'][number];

const store = (name: string, distanceKm: number, openNow = true, quantity = 1): Nearby => ({
  code: name.toLowerCase(),
  name,
  city: 'Stockholm',
  distanceKm,
  openNow,
  quantity,
});

const DETAIL: ProductDetail = {
  styleCode: 'NV-1',
  name: 'Lofoten Shirt',
  brand: 'NORRVIK',
  category: { id: 'shirts', name: 'Shirts' },
  price: { minor: 69900, currency: 'SEK' },
  rating: { average: 4.2, count: 12 },
  image: 'demo/shirt-white.svg',
  colourImages: { navy: 'demo/shirt-navy.svg', white: 'demo/shirt-white.svg' },
  colours: [
    { code: 'navy', hex: '#1f2a44', name: 'Navy' },
    { code: 'white', hex: '#ffffff', name: 'White' },
  ],
  status: 'here',
  description: '',
  images: { navy: ['demo/shirt-navy.svg', 'demo/shirt-navy-back.svg'], white: ['demo/shirt-white.svg'] },
  sizes: ['S', 'M', 'L', 'XL'],
  variants: [
    { sku: 'NV-1-NAV-S', gtin: '1', colourCode: 'navy', size: 'S' },
    { sku: 'NV-1-NAV-M', gtin: '2', colourCode: 'navy', size: 'M' },
    { sku: 'NV-1-NAV-L', gtin: '3', colourCode: 'navy', size: 'L' },
    { sku: 'NV-1-NAV-XL', gtin: '4', colourCode: 'navy', size: 'XL' },
    { sku: 'NV-1-WHT-M', gtin: '5', colourCode: 'white', size: 'M' },
    { sku: 'NV-1-WHT-L', gtin: '6', colourCode: 'white', size: 'L' },
  ],
};

const variant = (sku: string, size: string, rest: Partial<VariantAvailability>): VariantAvailability => ({
  sku,
  colourCode: 'navy',
  size,
  status: 'soldout',
  here: 0,
  nearby: [],
  online: 0,
  ...rest,
});

const AVAILABILITY: AvailabilityOutput = {
  styleCode: 'NV-1',
  store: { code: 'home', name: 'Drottninggatan' },
  lastSyncAt: 0,
  variants: [
    variant('NV-1-NAV-S', 'S', { status: 'here', here: 3, online: 2 }),
    variant('NV-1-NAV-M', 'M', { status: 'nearby', nearby: [store('Täby', 12.3, false, 4), store('Götgatan', 1.9, true, 1)], online: 5 }),
    variant('NV-1-NAV-L', 'L', { status: 'online', online: 7 }),
    variant('NV-1-NAV-XL', 'XL', { status: 'soldout' }),
  ],
};

describe('size grid: the store a shopper is sent to', () => {
  it('nearest store: the nearest, whatever order the stores come in', () => {
    expect(nearestStore([store('Täby', 12.3), store('Götgatan', 1.9), store('Solna', 5.3)])?.name).toBe('Götgatan');
  });

  it('nearest store: between stores equally far, one open now beats one that is closed', () => {
    expect(nearestStore([store('Closed', 2, false, 9), store('Open', 2, true, 1)])?.name).toBe('Open');
  });

  it('nearest store: then the one with more units, then the name, so the choice is stable', () => {
    expect(nearestStore([store('Few', 2, true, 1), store('Many', 2, true, 5)])?.name).toBe('Many');
    expect(nearestStore([store('Beta', 2, true, 1), store('Alpha', 2, true, 1)])?.name).toBe('Alpha');
  });

  it('nearest store: none when no store nearby has it', () => {
    expect(nearestStore([])).toBeNull();
  });
});

describe('size grid: cells', () => {
  it('cells: every size in size order, each with where it is and the nearest store', () => {
    const cells = sizeCells(DETAIL, AVAILABILITY, 'navy');
    expect(cells.map((cell) => [cell.size, cell.status])).toEqual([
      ['S', 'here'],
      ['M', 'nearby'],
      ['L', 'online'],
      ['XL', 'soldout'],
    ]);
    const medium = cells[1]!;
    expect(medium).toMatchObject({ sku: 'NV-1-NAV-M', nearbyCount: 2, online: 5 });
    expect(medium.nearest?.name).toBe('Götgatan');
  });

  it('cells: a size the colour is not made in has no SKU; one not read yet has no status', () => {
    const cells = sizeCells(DETAIL, AVAILABILITY, 'white');
    expect(cells.map((cell) => [cell.size, cell.sku, cell.status])).toEqual([
      ['S', null, null],
      ['M', 'NV-1-WHT-M', null],
      ['L', 'NV-1-WHT-L', null],
      ['XL', null, null],
    ]);
  });

  it('cells: without availability, or with another product’s, nothing is guessed', () => {
    expect(sizeCells(DETAIL, null, 'navy').every((cell) => cell.status === null)).toBe(true);
    expect(sizeCells(DETAIL, { ...AVAILABILITY, styleCode: 'NV-2' }, 'navy').every((cell) => cell.status === null)).toBe(true);
  });
});

describe('size grid: what is chosen', () => {
  it('selection: a scanned SKU decides colour and size', () => {
    expect(selectionOf(DETAIL, { sku: 'NV-1-WHT-L' })).toEqual({ colourCode: 'white', sku: 'NV-1-WHT-L' });
    expect(selectionOf(DETAIL, { colourCode: 'navy', sku: 'NV-1-WHT-L' })).toEqual({ colourCode: 'white', sku: 'NV-1-WHT-L' });
  });

  it('selection: a colour asked for is chosen, with no size yet', () => {
    expect(selectionOf(DETAIL, { colourCode: 'navy' })).toEqual({ colourCode: 'navy', sku: null });
  });

  it('selection: with nothing asked for, the colour of the picture the card showed', () => {
    expect(selectionOf(DETAIL, {})).toEqual({ colourCode: 'white', sku: null });
  });

  it('selection: an unknown SKU or colour is ignored rather than breaking the page', () => {
    expect(selectionOf(DETAIL, { sku: 'NOPE', colourCode: 'purple' })).toEqual({ colourCode: 'white', sku: null });
    expect(selectionOf({ ...DETAIL, image: null }, {})).toEqual({ colourCode: 'navy', sku: null });
  });

  it('switching colour keeps the size when the new colour comes in it, and drops it otherwise', () => {
    expect(switchColour(DETAIL, { colourCode: 'navy', sku: 'NV-1-NAV-M' }, 'white')).toEqual({ colourCode: 'white', sku: 'NV-1-WHT-M' });
    expect(switchColour(DETAIL, { colourCode: 'navy', sku: 'NV-1-NAV-XL' }, 'white')).toEqual({ colourCode: 'white', sku: null });
    expect(switchColour(DETAIL, { colourCode: 'navy', sku: null }, 'white')).toEqual({ colourCode: 'white', sku: null });
  });

  it('other colours: the same size where it is easier to get, best first; sold out and other sizes left out', () => {
    const withWhite: AvailabilityOutput = {
      ...AVAILABILITY,
      variants: [
        ...AVAILABILITY.variants,
        variant('NV-1-WHT-M', 'M', { colourCode: 'white', status: 'online', online: 2 }),
        variant('NV-1-WHT-L', 'L', { colourCode: 'white', status: 'soldout' }),
      ],
    };
    expect(sameSizeInOtherColours(DETAIL, withWhite, 'navy', 'M')).toEqual([{ colourCode: 'white', name: 'White', sku: 'NV-1-WHT-M', status: 'online' }]);
    expect(sameSizeInOtherColours(DETAIL, withWhite, 'navy', 'L')).toEqual([]);
    expect(sameSizeInOtherColours(DETAIL, withWhite, 'navy', 'XL')).toEqual([]);
    expect(sameSizeInOtherColours(DETAIL, withWhite, 'white', 'M')).toEqual([{ colourCode: 'navy', name: 'Navy', sku: 'NV-1-NAV-M', status: 'nearby' }]);
    expect(sameSizeInOtherColours(DETAIL, null, 'navy', 'M')).toEqual([]);
  });

  it('gallery: every colour’s pictures, in colour order, so swiping walks through the colours', () => {
    expect(galleryOf(DETAIL)).toEqual([
      { colourCode: 'navy', path: 'demo/shirt-navy.svg' },
      { colourCode: 'navy', path: 'demo/shirt-navy-back.svg' },
      { colourCode: 'white', path: 'demo/shirt-white.svg' },
    ]);
  });
});
