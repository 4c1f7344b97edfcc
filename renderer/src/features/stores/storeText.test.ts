import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/languages';
import el from '../../i18n/locales/el.json';
import en from '../../i18n/locales/en.json';
import pl from '../../i18n/locales/pl.json';
import sv from '../../i18n/locales/sv.json';
import { dayHoursText, formatClock, formatDistance, openStateText, weekdayLabel, weekdayName } from './storeText';

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
const inSweden = (language: Language) => ({ language, storeLocale: 'sv-SE' });

describe('stores: distances', () => {
  it('distance: a tenth of a kilometre under 10 km, whole kilometres beyond, as the store’s country writes them', () => {
    expect(formatDistance(5.34, 'sv-SE')).toBe('5,3 km');
    expect(formatDistance(5.34, 'en-GB')).toBe('5.3 km');
    expect(formatDistance(12.3, 'sv-SE')).toBe('12 km');
    expect(formatDistance(63, 'pl-PL')).toBe('63 km');
  });

  it('distance: under a kilometre it is metres, to the nearest hundred, never "0 m"', () => {
    expect(formatDistance(0.84, 'sv-SE')).toBe('800 m');
    expect(formatDistance(0.02, 'en-GB')).toBe('100 m');
  });

  it('distance: a broken store locale still gives a distance', () => {
    expect(formatDistance(1.9, 'not a locale')).toBe('1.9 km');
  });
});

describe('stores: clock times', () => {
  it('clock: a 24-hour country reads 09:00 in every language', () => {
    expect(formatClock('09:00', inSweden('en'))).toBe('09:00');
    expect(formatClock('17:30', inSweden('el'))).toBe('17:30');
    expect(formatClock('10:00', inSweden('pl'))).toBe('10:00');
  });

  it('clock: a 12-hour country reads 9:00 AM', () => {
    expect(formatClock('09:00', { language: 'en', storeLocale: 'en-US' })).toMatch(/^9:00\s?AM$/);
    expect(formatClock('17:30', { language: 'en', storeLocale: 'en-US' })).toMatch(/^5:30\s?PM$/);
  });

  it('clock: something that is not a time is shown as it came rather than breaking the card', () => {
    expect(formatClock('late', inSweden('en'))).toBe('late');
  });
});

describe('stores: open or closed, in words', () => {
  it('open state: each case in English', () => {
    const locale = inSweden('en');
    expect(openStateText({ kind: 'open', closes: '20:00' }, t('en'), locale)).toBe('Open now · until 20:00');
    expect(openStateText({ kind: 'open', closes: null }, t('en'), locale)).toBe('Open now');
    expect(openStateText({ kind: 'opensToday', at: '10:00' }, t('en'), locale)).toBe('Closed now · opens at 10:00');
    expect(openStateText({ kind: 'opensTomorrow', at: '10:00' }, t('en'), locale)).toBe('Closed now · opens tomorrow at 10:00');
    expect(openStateText({ kind: 'opensOn', day: 0, at: '10:00' }, t('en'), locale)).toBe('Closed now · opens Monday at 10:00');
    expect(openStateText({ kind: 'closed' }, t('en'), locale)).toBe('Closed now');
  });

  it('open state: Swedish, Polish and Greek, with each language’s own weekday', () => {
    expect(openStateText({ kind: 'opensOn', day: 0, at: '10:00' }, t('sv'), inSweden('sv'))).toBe('Stängt nu · öppnar på måndag kl. 10:00');
    expect(openStateText({ kind: 'opensOn', day: 2, at: '11:00' }, t('pl'), inSweden('pl'))).toBe('Teraz zamknięte · najbliższe otwarcie: środa, 11:00');
    expect(openStateText({ kind: 'opensOn', day: 5, at: '09:30' }, t('el'), inSweden('el'))).toBe('Κλειστό τώρα · ανοίγει ξανά: Σάββατο, 09:30');
    expect(openStateText({ kind: 'open', closes: '18:00' }, t('el'), inSweden('el'))).toBe('Ανοιχτό τώρα · έως τις 18:00');
    expect(openStateText({ kind: 'opensTomorrow', at: '10:00' }, t('sv'), inSweden('sv'))).toBe('Stängt nu · öppnar i morgon kl. 10:00');
  });

  it('week: a day reads as its hours, or "Closed"', () => {
    expect(dayHoursText(['10:00', '20:00'], t('en'), inSweden('en'))).toBe('10:00–20:00');
    expect(dayHoursText(null, t('sv'), inSweden('sv'))).toBe('Stängt');
    expect(dayHoursText(null, t('el'), inSweden('el'))).toBe('Κλειστό');
  });

  it('week: weekdays are Monday first, in running text as each language writes them, capitalised as labels', () => {
    expect([0, 6].map((day) => weekdayName(day, 'en'))).toEqual(['Monday', 'Sunday']);
    expect(weekdayName(0, 'sv')).toBe('måndag');
    expect(weekdayLabel(0, 'sv')).toBe('Måndag');
    expect(weekdayLabel(6, 'pl')).toBe('Niedziela');
    expect(weekdayLabel(3, 'el')).toBe('Πέμπτη');
  });
});
