import { describe, expect, it } from 'vitest';
import { TypoIndex, maxEdits } from './typos';

const VOCABULARY = ['sweter', 'swetry', 'sweater', 'oxfordskjorta', 'jeans', 'jacka', 'troja', 'kofta', 'koszula', 'nv10042', 'ull'];

describe('typos', () => {
  it('typos: short words and words with digits are never corrected', () => {
    expect(maxEdits('jean')).toBe(0);
    expect(maxEdits('jeans')).toBe(1);
    expect(maxEdits('oxfordskj')).toBe(2);
    expect(maxEdits('nv10042')).toBe(0);
  });

  it('typos: a 5-letter word finds words one insert, delete, substitution or swap away', () => {
    const index = new TypoIndex(VOCABULARY);
    expect(index.near('swetr', { prefix: false }).map((n) => n.term)).toEqual(['sweter', 'swetry']);
    expect(index.near('jeasn', { prefix: false })).toEqual([{ term: 'jeans', distance: 1 }]);
    expect(index.near('jacke', { prefix: false })).toEqual([{ term: 'jacka', distance: 1 }]);
    expect(index.near('kotfa', { prefix: false })).toEqual([{ term: 'kofta', distance: 1 }]);
  });

  it('typos: two edits only for words of nine letters or more', () => {
    const index = new TypoIndex(VOCABULARY);
    expect(index.near('oxfodskorta', { prefix: false })).toEqual([{ term: 'oxfordskjorta', distance: 2 }]);
    expect(index.near('swatre', { prefix: false })).toEqual([]);
  });

  it('typos: a word still being typed matches words that start with something near it', () => {
    const index = new TypoIndex(VOCABULARY);
    expect(index.near('oxfrods', { prefix: true }).map((n) => n.term)).toEqual(['oxfordskjorta']);
    expect(index.near('oxfrods', { prefix: false })).toEqual([]);
  });

  it('typos: words with digits and words under four letters are not offered', () => {
    const index = new TypoIndex(VOCABULARY);
    expect(index.size).toBe(VOCABULARY.length - 2);
    expect(index.near('nv10043', { prefix: false })).toEqual([]);
  });

  it('typos: nearest first, then shorter', () => {
    const index = new TypoIndex(['kofta', 'koftan', 'kofto']);
    expect(index.near('kofta', { prefix: false }).map((n) => [n.term, n.distance])).toEqual([
      ['kofta', 0],
      ['kofto', 1],
      ['koftan', 1],
    ]);
  });
});

describe('compounds', () => {
  it('typos: the words containing a typed word after their start are its compounds, shortest first', () => {
    const index = new TypoIndex(['jacka', 'dunjacka', 'regnjacka', 'jackor', 'jeansjacka']);
    expect(index.containing('jacka', 10)).toEqual(['dunjacka', 'regnjacka', 'jeansjacka']);
    expect(index.containing('jac', 10)).toEqual([]);
  });
});
