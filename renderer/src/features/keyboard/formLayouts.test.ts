import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../shared/languages';
import { DOT_COM, formLayouts, isPad, startsCapital } from './formLayouts';
import { KEY, keysOf } from './layouts';

describe('form keyboard layouts', () => {
  it('keyboard: the e-mail layout has @, the dot and .com, and no space key, in every language (Latin letters)', () => {
    for (const language of LANGUAGES) {
      const keys = keysOf(formLayouts('email', language).default ?? []);
      expect(keys, language).toEqual(expect.arrayContaining(['@', '.', DOT_COM, '_', '-', KEY.backspace, KEY.search, ...'abcdefghijklmnopqrstuvwxyz0123456789']));
      expect(keys).not.toContain(KEY.space);
    }
  });

  it('keyboard: a mobile number is typed on a pad of digits and +', () => {
    const keys = keysOf(formLayouts('phone', 'sv').default ?? []);
    expect(keys.sort()).toEqual([...'+0123456789', KEY.backspace, KEY.search].sort());
    expect(isPad('phone')).toBe(true);
  });

  it('keyboard: a postal-code pad has the country’s separator (123 45, 00-950) or none', () => {
    expect(keysOf(formLayouts('postal', 'sv', ' ').default ?? [])).toContain(KEY.space);
    expect(keysOf(formLayouts('postal', 'pl', '-').default ?? [])).toContain('-');
    const plain = keysOf(formLayouts('postal', 'en', null).default ?? []);
    expect(plain).not.toContain('-');
    expect(plain).not.toContain(KEY.space);
    expect(plain).toContain('0');
  });

  it('keyboard: names and addresses have capitals for every letter of the language, and the signs names need', () => {
    for (const language of LANGUAGES) {
      const layouts = formLayouts('text', language);
      expect(layouts.shift, language).toBeDefined();
      const keys = keysOf(layouts.default ?? []);
      expect(keys, language).toEqual(expect.arrayContaining([KEY.shift, KEY.space, "'", '-', '/', ',', '.']));
      const lower = keys.filter((key) => key.length === 1 && key.toUpperCase() !== key);
      const capitals = keysOf(layouts.shift ?? []);
      for (const letter of lower) expect(capitals, `${language} ${letter}`).toContain(letter.toUpperCase());
    }
    expect(keysOf(formLayouts('text', 'sv').shift ?? [])).toEqual(expect.arrayContaining(['Å', 'Ä', 'Ö']));
    expect(keysOf(formLayouts('text', 'pl').shift ?? [])).toEqual(expect.arrayContaining([...'ĄĆĘŁŃÓŚŹŻ']));
    // Greek: accented vowels (streets and names carry the tonos), and Latin letters in both cases.
    const greek = formLayouts('text', 'el');
    expect(keysOf(greek.default ?? [])).toEqual(expect.arrayContaining([...'άέήίόύώ', KEY.toLatin]));
    expect(keysOf(greek.shift ?? [])).toEqual(expect.arrayContaining([...'ΆΈΉΊΌΎΏ']));
    expect(keysOf(greek.latinShift ?? [])).toEqual(expect.arrayContaining([...'QWERTYUIOPASDFGHJKLZXCVBNM', KEY.toGreek]));
  });

  it('keyboard: no form row is wider than eleven keys, so keys keep the search keyboard’s size', () => {
    for (const language of LANGUAGES) {
      for (const kind of ['text', 'email', 'phone', 'postal'] as const) {
        for (const rows of Object.values(formLayouts(kind, language, ' '))) {
          for (const row of rows) expect(row.split(' ').length, `${language} ${kind}: ${row}`).toBeLessThanOrEqual(11);
        }
      }
    }
  });

  it('keyboard: a name gets a capital at the start of each word; a note at the start of each sentence', () => {
    expect(startsCapital('', 0, 'words')).toBe(true);
    expect(startsCapital('anna', 4, 'words')).toBe(false);
    expect(startsCapital('Anna ', 5, 'words')).toBe(true);
    expect(startsCapital('Anna-', 5, 'words')).toBe(true);
    expect(startsCapital('Leave it by the door', 20, 'sentences')).toBe(false);
    expect(startsCapital('Leave it by the door. ', 22, 'sentences')).toBe(true);
    expect(startsCapital('Leave it ', 9, 'sentences')).toBe(false);
    expect(startsCapital('', 0, 'none')).toBe(false);
  });
});
