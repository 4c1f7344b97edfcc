import { describe, expect, it } from 'vitest';
import { foldText, greeklish, tokens } from './fold';

describe('foldText', () => {
  it('fold: Swedish å, ä and ö lose their diacritics', () => {
    expect(foldText('Åre Mälaren Öland')).toBe('are malaren oland');
    expect(foldText('tröja')).toBe('troja');
  });

  it('fold: every Polish letter folds, including ł which Unicode does not decompose', () => {
    expect(foldText('ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ')).toBe('acelnoszz acelnoszz');
    expect(foldText('Łódź')).toBe('lodz');
    expect(foldText('wełna')).toBe('welna');
  });

  it('fold: Greek loses tonos and dialytika, and final sigma becomes σ', () => {
    expect(foldText('καφέ')).toBe('καφε');
    expect(foldText('ΚΑΦΈ')).toBe('καφε');
    expect(foldText('Πουλόβερ')).toBe('πουλοβερ');
    expect(foldText('ϊΐΰ')).toBe('ιιυ');
    expect(foldText('Φορέματα & φούστες')).toBe('φορεματα φουστεσ');
    expect(foldText('ΦΟΎΣΤΕΣ')).toBe('φουστεσ');
  });

  it('fold: other letters NFKD leaves whole are mapped', () => {
    expect(foldText('Ørsta Æbelø Œuvre Straße Đakovo Þór')).toBe('orsta aebelo oeuvre strasse dakovo thor');
  });

  it('fold: anything not a letter or digit is a single space, apostrophes join', () => {
    expect(foldText('  T-shirt,  "100 %" cotton!! ')).toBe('t shirt 100 cotton');
    expect(foldText("Levi's")).toBe('levis');
    expect(foldText('a\u0000b\tc\nd🙂e')).toBe('a b c d e');
    expect(foldText('***')).toBe('');
  });

  it('fold: compatibility forms fold to plain letters and digits', () => {
    expect(foldText('ﬁne ² Ⅸ')).toBe('fine 2 ix');
  });

  it('fold: agrees with a straightforward regex implementation on random text', () => {
    const map: Record<string, string> = { ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ı: 'i', ς: 'σ' };
    const reference = (s: string): string =>
      s
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[łøæœßđðþħıς]/gu, (c) => map[c]!)
        .replace(/[\p{M}'’ʼ`´]/gu, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const alphabet = [...'aåäöÅÄÖąćęłńóśźżŁ Ωάέήίόύώϊΐσς-_.,\'’"*()^:🙂\u0000\t\u0301İﬁ²ⅨßøÆ0123456789'];
    let seed = 7;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(random() * 20) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(foldText(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});

describe('tokens', () => {
  it('fold: tokens are the folded words, none empty', () => {
    expect(tokens(' Tröja i  merinoull ')).toEqual(['troja', 'i', 'merinoull']);
    expect(tokens('  ')).toEqual([]);
  });
});

describe('greeklish', () => {
  it('fold: a Greek word is also spelled the way Greeks type it on a Latin keyboard', () => {
    expect(greeklish('καφε')).toEqual(['kafe']);
    expect(greeklish('πουλοβερ')).toEqual(['poulover']);
    expect(greeklish('μπλε')).toEqual(['mple', 'ble']);
    expect(greeklish('jeans')).toEqual([]);
  });
});
