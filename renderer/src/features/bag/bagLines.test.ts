import { describe, expect, it } from 'vitest';
import type { BagLine, QuoteOutput, QuotedLine } from '../../../../shared/api/orders';
import { addLine, blocks, delivers, itemCount, lineKey, quoteMatches, quotedLine, removeLine, setFulfilment, setQuantity } from './bagLines';

const delivered = (sku: string, quantity = 1): BagLine => ({ sku, quantity, fulfilment: { kind: 'delivery' } });
const held = (sku: string, store: string, quantity = 1): BagLine => ({ sku, quantity, fulfilment: { kind: 'hold', store } });
const inStore = (sku: string, quantity = 1): BagLine => ({ sku, quantity, fulfilment: { kind: 'in-store' } });

describe('bag lines', () => {
  it('bag: the same variant the same way adds to its line; another way is a line of its own', () => {
    let bag = addLine([], delivered('A'))!;
    bag = addLine(bag, delivered('A', 2))!;
    bag = addLine(bag, held('A', 'se-sto-kungsgatan'))!;
    bag = addLine(bag, held('A', 'se-sto-odenplan'))!;
    expect(bag).toEqual([delivered('A', 3), held('A', 'se-sto-kungsgatan'), held('A', 'se-sto-odenplan')]);
    expect(itemCount(bag)).toBe(5);
  });

  it('bag: a line never holds more than ten, and a full bag takes no new line (but still adds to one it has)', () => {
    expect(addLine([delivered('A', 9)], delivered('A', 5))).toEqual([delivered('A', 10)]);
    const full = Array.from({ length: 20 }, (_, at) => delivered(`S${at}`));
    expect(addLine(full, delivered('new'))).toBeNull();
    expect(addLine(full, delivered('S3'))?.[3]).toEqual(delivered('S3', 2));
  });

  it('bag: quantities stay between one and ten', () => {
    const bag = [delivered('A', 2)];
    const key = lineKey(bag[0]!);
    expect(setQuantity(bag, key, 0)).toEqual([delivered('A', 1)]);
    expect(setQuantity(bag, key, 11)).toEqual([delivered('A', 10)]);
    expect(setQuantity(bag, key, 4)).toEqual([delivered('A', 4)]);
  });

  it('bag: switching a line to a way the bag already has merges the two at the first one’s place', () => {
    const bag = [delivered('A', 2), inStore('B'), held('A', 'se-sto-kungsgatan', 3)];
    const switched = setFulfilment(bag, lineKey(bag[2]!), { kind: 'delivery' });
    expect(switched).toEqual([delivered('A', 5), inStore('B')]);
    // A switch to a way the bag does not have keeps the line where it was.
    expect(setFulfilment(bag, lineKey(bag[1]!), { kind: 'delivery' })).toEqual([delivered('A', 2), delivered('B'), held('A', 'se-sto-kungsgatan', 3)]);
  });

  it('bag: removing a line leaves the others in order', () => {
    const bag = [delivered('A'), inStore('B'), held('C', 'x')];
    expect(removeLine(bag, lineKey(bag[1]!))).toEqual([delivered('A'), held('C', 'x')]);
  });

  it('bag: a quote is paired with the bag line for line, and a stale one is told apart', () => {
    const bag = [delivered('A', 2), inStore('B')];
    const quote = quoteOf([quoted(delivered('A', 2)), quoted(inStore('B'))]);
    expect(quoteMatches(quote, bag)).toBe(true);
    expect(quotedLine(quote, bag[1]!, 1)?.sku).toBe('B');
    // The shopper changed a quantity after the quote was asked.
    expect(quoteMatches(quote, setQuantity(bag, lineKey(bag[0]!), 3))).toBe(false);
    // An answer in another order still pairs each line with its own price.
    const swapped = quoteOf([quoted(inStore('B')), quoted(delivered('A', 2))]);
    expect(quotedLine(swapped, bag[0]!, 0)?.sku).toBe('A');
    expect(quoteMatches(swapped, bag)).toBe(false);
  });

  it('bag: a changed price is news; fewer, unavailable and discontinued stop the order', () => {
    expect(blocks({ problem: 'price-changed' })).toBe(false);
    expect(blocks({})).toBe(false);
    expect(blocks({ problem: 'fewer' })).toBe(true);
    expect(blocks({ problem: 'unavailable' })).toBe(true);
    expect(blocks({ problem: 'discontinued' })).toBe(true);
  });

  it('bag: an address is needed only when something is delivered', () => {
    expect(delivers([inStore('A'), held('B', 'x')])).toBe(false);
    expect(delivers([inStore('A'), delivered('B')])).toBe(true);
  });
});

function quoted(line: BagLine): QuotedLine {
  return {
    ...line,
    styleCode: 'NV-1',
    name: 'Shirt',
    brand: 'Norrvik',
    colour: { code: 'navy', hex: '#001f3f', name: 'Navy' },
    size: 'M',
    image: null,
    unitPriceMinor: 49_900,
    available: 5,
    options: [],
  };
}

function quoteOf(lines: QuotedLine[]): QuoteOutput {
  return {
    lines,
    currency: 'SEK',
    itemsMinor: 0,
    shippingMinor: 0,
    totalMinor: 0,
    shippingReason: 'none',
    holds: [],
    returns: { days: 30, free: true, inStore: true, byPost: true },
    ready: true,
  };
}
