import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/languages';
import el from '../../i18n/locales/el.json';
import en from '../../i18n/locales/en.json';
import pl from '../../i18n/locales/pl.json';
import sv from '../../i18n/locales/sv.json';
import { countsDown, discountText, endsInText, givesCode } from './offerWords';

/** The real locale files, in an i18next of their own (the app's instance needs a browser). */
const translators = new Map<Language, TFunction>();
beforeAll(async () => {
  for (const [lang, translation] of Object.entries({ en, sv, pl, el })) {
    const instance = i18next.createInstance();
    await instance.init({ resources: { [lang]: { translation } }, lng: lang, fallbackLng: false, interpolation: { escapeValue: false } });
    translators.set(lang as Language, instance.t);
  }
});
const t = (lang: Language): TFunction => translators.get(lang)!;

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const MIN = 60_000;
/** Any of Unicode's spaces as a plain one (ICU puts narrow spaces in numbers). */
const plain = (text: string | null): string | null => text?.replace(/\s/gu, ' ') ?? null;

describe('offers: how long a today-only deal has left', () => {
  it('ends in: hours and minutes, rounded down, in each language', () => {
    const endsAt = NOW + (3 * 60 + 12) * MIN + 59_000;
    expect(endsInText(endsAt, NOW, t('en'))).toBe('Ends in 3 h 12 min');
    expect(endsInText(endsAt, NOW, t('sv'))).toBe('Slutar om 3 tim 12 min');
    expect(endsInText(endsAt, NOW, t('pl'))).toBe('Kończy się za 3 godz. 12 min');
    expect(endsInText(endsAt, NOW, t('el'))).toBe('Λήγει σε 3 ώρ. 12 λεπ.');
  });

  it('ends in: whole hours say hours, with each language’s plural forms', () => {
    expect(endsInText(NOW + 60 * MIN, NOW, t('en'))).toBe('Ends in 1 hour');
    expect(endsInText(NOW + 2 * 60 * MIN, NOW, t('en'))).toBe('Ends in 2 hours');
    expect(endsInText(NOW + 60 * MIN, NOW, t('sv'))).toBe('Slutar om 1 timme');
    expect(endsInText(NOW + 5 * 60 * MIN, NOW, t('sv'))).toBe('Slutar om 5 timmar');
    expect(endsInText(NOW + 60 * MIN, NOW, t('pl'))).toBe('Kończy się za 1 godzinę');
    expect(endsInText(NOW + 3 * 60 * MIN, NOW, t('pl'))).toBe('Kończy się za 3 godziny');
    expect(endsInText(NOW + 5 * 60 * MIN, NOW, t('pl'))).toBe('Kończy się za 5 godzin');
    expect(endsInText(NOW + 22 * 60 * MIN, NOW, t('pl'))).toBe('Kończy się za 22 godziny');
    expect(endsInText(NOW + 60 * MIN, NOW, t('el'))).toBe('Λήγει σε 1 ώρα');
    expect(endsInText(NOW + 4 * 60 * MIN, NOW, t('el'))).toBe('Λήγει σε 4 ώρες');
  });

  it('ends in: under an hour counts minutes (plural forms), then says less than a minute, then nothing', () => {
    expect(endsInText(NOW + MIN, NOW, t('en'))).toBe('Ends in 1 minute');
    expect(endsInText(NOW + 59 * MIN + 59_000, NOW, t('en'))).toBe('Ends in 59 minutes');
    expect(endsInText(NOW + 2 * MIN, NOW, t('pl'))).toBe('Kończy się za 2 minuty');
    expect(endsInText(NOW + 12 * MIN, NOW, t('pl'))).toBe('Kończy się za 12 minut');
    expect(endsInText(NOW + 1 * MIN, NOW, t('el'))).toBe('Λήγει σε 1 λεπτό');
    expect(endsInText(NOW + 30_000, NOW, t('sv'))).toBe('Slutar om mindre än en minut');
    expect(endsInText(NOW, NOW, t('en'))).toBeNull();
  });

  it('ends in: the words move on as the minutes pass', () => {
    const endsAt = NOW + 2 * 60 * MIN;
    expect(endsInText(endsAt, NOW + MIN, t('en'))).toBe('Ends in 1 h 59 min');
    expect(endsInText(endsAt, NOW + 61 * MIN, t('en'))).toBe('Ends in 59 minutes');
  });
});

describe('offers: what each offer gives', () => {
  it('discount: a percent or an amount off, in the store’s number format and currency', () => {
    expect(plain(discountText({ percent: 10 }, 'sv-SE', 'SEK'))).toBe('−10 %');
    expect(plain(discountText({ percent: 20 }, 'en-GB', 'GBP'))).toBe('-20%');
    expect(plain(discountText({ amountMinor: 5000 }, 'sv-SE', 'SEK'))).toBe('−50 kr');
    expect(plain(discountText({ amountMinor: 1250 }, 'pl-PL', 'PLN'))).toBe('−12,50 zł');
    expect(discountText({}, 'sv-SE', 'SEK')).toBeNull();
  });

  it('codes: check-in and today-only offers hand out a code; a bundle has none; only today-only counts down', () => {
    expect(givesCode({ kind: 'check-in' })).toBe(true);
    expect(givesCode({ kind: 'today-only' })).toBe(true);
    expect(givesCode({ kind: 'bundle' })).toBe(false);
    expect(countsDown({ kind: 'today-only' })).toBe(true);
    expect(countsDown({ kind: 'check-in' })).toBe(false);
    expect(countsDown({ kind: 'bundle' })).toBe(false);
  });
});
