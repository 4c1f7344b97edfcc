import { describe, expect, it } from 'vitest';
import { columnsFor, itemsOfRow, needsNextPage, rowCount } from './gridRows';

describe('results grid rows', () => {
  it('grid: 24 of 1,200 results in three columns are eight rows and one placeholder row', () => {
    expect(rowCount(24, 3, 1200)).toBe(9);
  });

  it('grid: everything loaded, no placeholder row; a last part-row still counts', () => {
    expect(rowCount(24, 3, 24)).toBe(8);
    expect(rowCount(25, 3, 25)).toBe(9);
    expect(rowCount(0, 3, 0)).toBe(0);
  });

  it('grid: a row holds its columns’ items, the last row what is left, the placeholder row none', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(itemsOfRow(items, 3, 0)).toEqual(['a', 'b', 'c']);
    expect(itemsOfRow(items, 3, 1)).toEqual(['d', 'e']);
    expect(itemsOfRow(items, 3, 2)).toEqual([]);
  });

  it('grid: the next page is asked for a few rows before the loaded ones run out, never when all are loaded', () => {
    // 24 loaded in three columns: rows 0–7.
    expect(needsNextPage(2, 24, 3, 1200)).toBe(false);
    expect(needsNextPage(5, 24, 3, 1200)).toBe(true);
    expect(needsNextPage(8, 24, 3, 1200)).toBe(true);
    expect(needsNextPage(8, 24, 3, 24)).toBe(false);
  });

  it('grid: three cards a row on a portrait pillar, five on a landscape one, two when text is at 150%', () => {
    // The grid's width inside the screen's 4rem margins; 1rem is 16 px on a 1080 px-wide pillar.
    expect(columnsFor(1080 - 2 * 64, 16)).toBe(3);
    expect(columnsFor(1920 - 2 * 64, 16)).toBe(5);
    expect(columnsFor(1080 - 2 * 96, 24)).toBe(2);
  });

  it('grid: a window too narrow for one card still shows one', () => {
    expect(columnsFor(100, 16)).toBe(1);
    expect(columnsFor(0, 16)).toBe(1);
  });
});

