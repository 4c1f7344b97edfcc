import { describe, expect, it } from 'vitest';
import { documentTokens, globalTokens } from './searchIndex';
import { Field, TermIndexBuilder } from './termIndex';

describe('search index: documents', () => {
  it('search index: a product is indexed by its folded name, category, colours and new description words', () => {
    const doc = documentTokens({ name: 'Łódź T-Shirt', description: 'A t-shirt in soft cotton. A soft one.', categoryName: 'T-shirts', colourNames: ['Off-white'] });
    expect(doc.name).toEqual(['lodz', 't', 'shirt', 'tshirt']);
    expect(doc.strong).toEqual(['t', 'shirts', 'tshirts', 'off', 'white', 'offwhite']);
    expect(doc.description).toEqual(['a', 'in', 'soft', 'cotton', 'one']);
    expect(globalTokens({ brand: 'NORRVIK Studio', styleCode: 'NV-10042' })).toEqual({ strong: ['norrvik', 'studio'], code: ['nv', '10042', 'nv10042'] });
  });
});

describe('search index: in-memory term index', () => {
  it('search index: prefix ranges, strong and description-only runs, Greeklish aliases', () => {
    const builder = new TermIndexBuilder();
    builder.add(2, Field.Name, ['troja', 'ull']);
    builder.add(0, Field.Name, ['trojan']);
    builder.add(0, Field.Description, ['troja', 'ull']);
    builder.add(1, Field.Strong, ['καφε']);
    builder.add(1, Field.Description, ['troja']);
    const index = builder.build();
    expect(index.terms).toEqual(['troja', 'trojan', 'ull', 'καφε']);
    const [lo, hi] = index.prefixRange('tro');
    expect([lo, hi]).toEqual([0, 2]);
    const troja = index.indexOf('troja');
    const postings = (from: number, to: number): [number, number][] => [...index.postings.subarray(from, to)].map((p) => [p >>> 4, p & 15]);
    // Documents with 'troja' in a strong field first, then description-only ones, each run ascending.
    expect(postings(index.start[troja]!, index.weakStart[troja]!)).toEqual([[2, Field.Name]]);
    expect(postings(index.weakStart[troja]!, index.start[troja + 1]!)).toEqual([
      [0, Field.Description],
      [1, Field.Description],
    ]);
    expect(index.aliases).toEqual(['kafe']);
    expect(index.terms[index.aliasOf[0]!]).toBe('καφε');
    expect(index.aliasRange('ka')).toEqual([0, 1]);
  });

  it('search index: a word in two fields of one product is one posting with both fields', () => {
    const builder = new TermIndexBuilder();
    builder.add(0, Field.Name, ['ull']);
    builder.add(0, Field.Description, ['ull', 'ull']);
    const index = builder.build();
    expect([...index.postings]).toEqual([(0 << 4) | Field.Name | Field.Description]);
  });
});
