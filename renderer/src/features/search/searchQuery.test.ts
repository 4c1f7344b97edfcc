import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY, filterCount, hasQuery, searchInput, toggled } from './searchQuery';

describe('search query', () => {
  it('query: nothing typed and no filter is no query; words or any one filter is', () => {
    expect(hasQuery(EMPTY_QUERY)).toBe(false);
    expect(hasQuery({ ...EMPTY_QUERY, text: '   ' })).toBe(false);
    expect(hasQuery({ ...EMPTY_QUERY, text: 'jeans' })).toBe(true);
    expect(hasQuery({ ...EMPTY_QUERY, category: 'jeans' })).toBe(true);
    expect(hasQuery({ ...EMPTY_QUERY, sizes: ['M'] })).toBe(true);
    expect(hasQuery({ ...EMPTY_QUERY, colours: ['navy'] })).toBe(true);
  });

  it('query: the search input carries only the filters that are on, and the offset past the first page', () => {
    expect(searchInput(EMPTY_QUERY, 'sv', 24)).toEqual({ text: '', lang: 'sv', limit: 24 });
    expect(searchInput({ text: 'tröja', category: 'knitwear', sizes: ['M', 'L'], colours: ['navy'] }, 'pl', 24, 48)).toEqual({
      text: 'tröja',
      lang: 'pl',
      limit: 24,
      offset: 48,
      category: 'knitwear',
      sizes: ['M', 'L'],
      colours: ['navy'],
    });
  });

  it('query: filters are counted one per category, size and colour', () => {
    expect(filterCount({ text: 'x', category: 'jeans', sizes: ['M', 'L'], colours: ['navy'] })).toBe(4);
    expect(filterCount(EMPTY_QUERY)).toBe(0);
  });

  it('query: a chip tapped on is added, tapped again is taken out, the others keep their order', () => {
    expect(toggled(['S', 'L'], 'M')).toEqual(['S', 'L', 'M']);
    expect(toggled(['S', 'M', 'L'], 'M')).toEqual(['S', 'L']);
  });
});
