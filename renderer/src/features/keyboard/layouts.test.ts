import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../shared/languages';
import { KEY, keysOf, LAYOUTS } from './layouts';

const letters = (text: string): string[] => text.split(' ');

describe('keyboard layouts', () => {
  it('keyboard: every language has a layout with digits, a hyphen, Backspace, space and Search', () => {
    for (const language of LANGUAGES) {
      const keys = keysOf(LAYOUTS[language].default ?? []);
      expect(keys, language).toEqual(expect.arrayContaining(['0', '1', '9', '-', KEY.backspace, KEY.space, KEY.search]));
    }
  });

  it('keyboard: English has the 26 Latin letters, each once', () => {
    const keys = keysOf(LAYOUTS.en.default ?? []);
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') expect(keys.filter((key) => key === letter), letter).toHaveLength(1);
  });

  it('keyboard: Swedish has å, ä and ö beside the Latin letters', () => {
    expect(keysOf(LAYOUTS.sv.default ?? [])).toEqual(expect.arrayContaining([...letters('å ä ö'), 'a', 'z']));
  });

  it('keyboard: Polish has all nine of ą ć ę ł ń ó ś ź ż beside the Latin letters', () => {
    expect(keysOf(LAYOUTS.pl.default ?? [])).toEqual(expect.arrayContaining([...letters('ą ć ę ł ń ó ś ź ż'), 'q', 'z']));
  });

  it('keyboard: Greek has the 24 letters and final sigma, and a key to Latin letters that has a key back', () => {
    const greek = keysOf(LAYOUTS.el.default ?? []);
    expect(greek).toEqual(expect.arrayContaining([...'αβγδεζηθικλμνξοπρσςτυφχψω']));
    expect(greek).toContain(KEY.toLatin);
    const latin = keysOf(LAYOUTS.el.latin ?? []);
    expect(latin).toEqual(expect.arrayContaining([...'abcdefghijklmnopqrstuvwxyz']));
    expect(latin).toContain(KEY.toGreek);
  });

  it('keyboard: no key appears twice in a layout (a duplicate would be a typo in a row)', () => {
    for (const [language, layouts] of Object.entries(LAYOUTS)) {
      for (const [name, rows] of Object.entries(layouts)) {
        const keys = keysOf(rows);
        expect(new Set(keys).size, `${language}.${name}`).toBe(keys.length);
      }
    }
  });

  it('keyboard: no row is wider than twelve keys, so every key stays large on a 1080 px screen', () => {
    for (const layouts of Object.values(LAYOUTS)) {
      for (const rows of Object.values(layouts)) for (const row of rows) expect(letters(row).length, row).toBeLessThanOrEqual(12);
    }
  });
});
