import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY } from './searchQuery';
import { broaderQueries } from './suggestions';

describe('no-results suggestions', () => {
  it('suggestions: a filtered search that finds nothing first offers the same words without size and colour', () => {
    const [first] = broaderQueries({ text: 'jeans', category: 'jeans', sizes: ['XS'], colours: ['red'] });
    expect(first).toEqual({ kind: 'withoutFilters', query: { text: 'jeans', category: 'jeans', sizes: [], colours: [] } });
  });

  it('suggestions: words searched in a category are then offered in every category', () => {
    expect(broaderQueries({ ...EMPTY_QUERY, text: 'linen', category: 'shoes' })).toEqual([
      { kind: 'withoutCategory', query: { ...EMPTY_QUERY, text: 'linen' } },
    ]);
  });

  it('suggestions: several words are each offered alone; one word alone offers nothing more', () => {
    expect(broaderQueries({ ...EMPTY_QUERY, text: 'blue zzqq jumper' }).map((s) => s.word)).toEqual(['blue', 'zzqq', 'jumper']);
    expect(broaderQueries({ ...EMPTY_QUERY, text: 'zzqqxx' })).toEqual([]);
  });

  it('suggestions: never more than four, and no word twice or a single letter', () => {
    expect(broaderQueries({ text: 'a b c d e f g', category: 'x', sizes: ['M'], colours: [] })).toHaveLength(2);
    expect(broaderQueries({ ...EMPTY_QUERY, text: 'one two three four five six' })).toHaveLength(4);
    expect(broaderQueries({ ...EMPTY_QUERY, text: 'red red shoe' }).map((s) => s.word)).toEqual(['red', 'shoe']);
  });
});
