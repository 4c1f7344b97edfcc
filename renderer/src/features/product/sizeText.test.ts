import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/languages';
import el from '../../i18n/locales/el.json';
import en from '../../i18n/locales/en.json';
import pl from '../../i18n/locales/pl.json';
import sv from '../../i18n/locales/sv.json';
import type { SizeCell } from './sizeGrid';
import { sizeTileLabel, sizeWords } from './sizeText';

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

const cell = (rest: Partial<SizeCell>): SizeCell => ({
  size: 'M',
  sku: 'NV-1-NAV-M',
  status: 'here',
  here: 2,
  online: 0,
  nearbyCount: 0,
  nearest: null,
  ...rest,
});

const nearby = (count: number, distanceKm: number, openNow: boolean): SizeCell =>
  cell({ status: 'nearby', here: 0, nearbyCount: count, nearest: { code: 'x', name: 'Götgatan', city: 'Stockholm', distanceKm, openNow, quantity: 1 } });

describe('size grid: each size in words', () => {
  it('words: the four statuses in English', () => {
    expect(sizeWords(cell({ status: 'here' }), t('en'), 'sv-SE')).toEqual({ label: 'In this store', detail: null });
    expect(sizeWords(nearby(2, 1.9, true), t('en'), 'sv-SE')).toEqual({ label: 'At 2 nearby stores', detail: 'Nearest 1,9 km, open now' });
    expect(sizeWords(cell({ status: 'online', here: 0, online: 4 }), t('en'), 'sv-SE')).toEqual({ label: 'Online, free delivery', detail: null });
    expect(sizeWords(cell({ status: 'soldout', here: 0 }), t('en'), 'sv-SE')).toEqual({ label: 'Sold out', detail: null });
  });

  it('words: one nearby store is singular, and a closed nearest store says so', () => {
    expect(sizeWords(nearby(1, 12.3, false), t('en'), 'en-GB')).toEqual({ label: 'At 1 nearby store', detail: 'Nearest 12 km, closed now' });
  });

  it('words: stock not known yet asks staff rather than guessing; a size not made in the colour says so', () => {
    expect(sizeWords(cell({ status: null }), t('en'), 'sv-SE').label).toBe('Ask staff');
    expect(sizeWords(cell({ sku: null, status: null }), t('en'), 'sv-SE').label).toBe('Not in this colour');
  });

  it('words: Swedish and Greek, singular and plural', () => {
    expect(sizeWords(nearby(1, 5.3, true), t('sv'), 'sv-SE')).toEqual({ label: 'I 1 butik i närheten', detail: 'Närmast 5,3 km, öppet nu' });
    expect(sizeWords(nearby(3, 5.3, false), t('sv'), 'sv-SE').label).toBe('I 3 butiker i närheten');
    expect(sizeWords(nearby(1, 5.3, true), t('el'), 'sv-SE').label).toBe('Σε 1 κοντινό κατάστημα');
    expect(sizeWords(nearby(4, 5.3, false), t('el'), 'sv-SE')).toEqual({
      label: 'Σε 4 κοντινά καταστήματα',
      detail: 'Το πλησιέστερο σε 5,3 km, κλειστό τώρα',
    });
    expect(sizeWords(cell({ status: 'soldout' }), t('el'), 'sv-SE').label).toBe('Εξαντλήθηκε');
  });

  it('words: Polish uses its three forms — 1 sklepie, 2–4 and 22–24 sklepach (few), 5–21 sklepach (many)', () => {
    expect(sizeWords(nearby(1, 2, true), t('pl'), 'pl-PL').label).toBe('W 1 sklepie w pobliżu');
    expect(sizeWords(nearby(3, 2, true), t('pl'), 'pl-PL').label).toBe('W 3 sklepach w pobliżu');
    expect(sizeWords(nearby(5, 2, true), t('pl'), 'pl-PL').label).toBe('W 5 sklepach w pobliżu');
    expect(sizeWords(nearby(22, 2, true), t('pl'), 'pl-PL').label).toBe('W 22 sklepach w pobliżu');
    expect(sizeWords(nearby(3, 2.5, false), t('pl'), 'pl-PL').detail).toBe('Najbliższy 2,5 km, teraz zamknięty');
  });

  it('tile label: the size first, then its status and detail, for a screen reader', () => {
    const words = { label: 'At 2 nearby stores', detail: 'Nearest 1,9 km, open now' };
    expect(sizeTileLabel(nearby(2, 1.9, true), words)).toBe('M: At 2 nearby stores, Nearest 1,9 km, open now');
    expect(sizeTileLabel(cell({}), { label: 'In this store', detail: null })).toBe('M: In this store');
  });
});
