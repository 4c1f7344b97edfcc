import { describe, expect, it } from 'vitest';
import { formatPrice, formatRating } from './format';

const spaces = (text: string): string => text.replace(/\s/g, ' ');

describe('numbers on screen', () => {
  it('format: a price in the store’s currency and format, öre only when there are any', () => {
    expect(spaces(formatPrice({ minor: 29_900, currency: 'SEK' }, 'sv-SE'))).toBe('299 kr');
    expect(spaces(formatPrice({ minor: 29_950, currency: 'SEK' }, 'sv-SE'))).toBe('299,50 kr');
    // The formatters are kept per locale and options: the whole and the decimal one never mix.
    expect(spaces(formatPrice({ minor: 109_900, currency: 'SEK' }, 'sv-SE'))).toBe('1 099 kr');
    expect(spaces(formatPrice({ minor: 1_999, currency: 'EUR' }, 'el-GR'))).toBe('19,99 €');
  });

  it('format: a rating with one decimal as the shopper’s language writes it', () => {
    expect(formatRating(4.66, 'sv')).toBe('4,7');
    expect(formatRating(4.66, 'en')).toBe('4.7');
    expect(formatRating(4, 'pl')).toBe('4,0');
  });
});
