import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/languages';
import el from '../../i18n/locales/el.json';
import en from '../../i18n/locales/en.json';
import pl from '../../i18n/locales/pl.json';
import sv from '../../i18n/locales/sv.json';
import { codeGroups, spelledCode, validUntilText } from './couponWords';

const translators = new Map<Language, TFunction>();
beforeAll(async () => {
  for (const [lang, translation] of Object.entries({ en, sv, pl, el })) {
    const instance = i18next.createInstance();
    await instance.init({ resources: { [lang]: { translation } }, lng: lang, fallbackLng: false, interpolation: { escapeValue: false } });
    translators.set(lang as Language, instance.t);
  }
});
const t = (lang: Language): TFunction => translators.get(lang)!;

const stockholm = (language: Language) => ({ language, storeLocale: 'sv-SE', timeZone: 'Europe/Stockholm' });
const athens = (language: Language) => ({ language, storeLocale: 'el-GR', timeZone: 'Europe/Athens' });
const warsaw = (language: Language) => ({ language, storeLocale: 'pl-PL', timeZone: 'Europe/Warsaw' });
const plain = (text: string): string => text.replace(/\s/gu, ' ');

describe('coupon code: read at arm’s length', () => {
  it('code: shown in its groups, and spelled a character at a time for a screen reader', () => {
    expect(codeGroups('PLR-7K2M-Q4XD-8')).toEqual(['PLR', '7K2M', 'Q4XD', '8']);
    expect(spelledCode('PLR-7K2M-Q4XD-8')).toBe('P L R, 7 K 2 M, Q 4 X D, 8');
  });
});

describe('coupon code: valid until, on the store’s clock', () => {
  // 12:00 UTC on 22 November 2026: 13:00 in Stockholm and Warsaw (CET), 14:00 in Athens (EET).
  const NOW = Date.UTC(2026, 10, 22, 12, 0);

  it('valid until: today at a time, in the store’s time zone and the shopper’s language', () => {
    const at = Date.UTC(2026, 10, 22, 20, 0); // 21:00 in Stockholm
    expect(validUntilText(at, NOW, stockholm('en'), t('en'))).toBe('Valid until 21:00 today');
    expect(validUntilText(at, NOW, stockholm('sv'), t('sv'))).toBe('Gäller till 21:00 i dag');
    expect(validUntilText(at, NOW, stockholm('pl'), t('pl'))).toBe('Ważny dziś do 21:00');
    expect(validUntilText(at, NOW, stockholm('el'), t('el'))).toBe('Ισχύει έως τις 21:00 σήμερα');
    // The same instant is 22:00 in Athens, where clocks are written with 12 hours.
    expect(validUntilText(at, NOW, athens('en'), t('en'))).toBe('Valid until 10:00 PM today');
    expect(plain(validUntilText(at, NOW, athens('el'), t('el')))).toBe('Ισχύει έως τις 10:00 μ.μ. σήμερα');
  });

  it('valid until: a code that runs to the end of the day says midnight, not 00:00 tomorrow', () => {
    const midnight = Date.UTC(2026, 10, 22, 23, 0); // 00:00 on the 23rd in Stockholm
    expect(validUntilText(midnight, NOW, stockholm('en'), t('en'))).toBe('Valid today until midnight');
    expect(validUntilText(midnight, NOW, stockholm('pl'), t('pl'))).toBe('Ważny dziś do północy');
    expect(validUntilText(midnight, NOW, stockholm('el'), t('el'))).toBe('Ισχύει σήμερα έως τα μεσάνυχτα');
    // In Athens that instant is 01:00 on the 23rd: tomorrow, at a time.
    expect(validUntilText(midnight, NOW, athens('en'), t('en'))).toBe('Valid until 1:00 AM tomorrow');
    // Athens's own midnight is an hour earlier.
    expect(validUntilText(Date.UTC(2026, 10, 22, 22, 0), NOW, athens('sv'), t('sv'))).toBe('Gäller i dag till midnatt');
  });

  it('valid until: tomorrow, and further ahead with the full date', () => {
    expect(validUntilText(Date.UTC(2026, 10, 23, 17, 0), NOW, warsaw('en'), t('en'))).toBe('Valid until 18:00 tomorrow');
    expect(validUntilText(Date.UTC(2026, 10, 23, 23, 0), NOW, warsaw('en'), t('en'))).toBe('Valid until midnight tomorrow');
    expect(validUntilText(Date.UTC(2026, 10, 25, 23, 0), NOW, warsaw('en'), t('en'))).toBe('Valid until the end of Wednesday, 25 November');
    expect(plain(validUntilText(Date.UTC(2026, 10, 26, 17, 0), NOW, warsaw('sv'), t('sv')))).toBe('Gäller till torsdag 26 november kl. 18:00');
  });

  it('valid until: "today" follows the store’s date, not UTC’s, late in the evening', () => {
    // 23:30 in Stockholm on the 22nd is 22:30 UTC; a code until 23:45 local is still today there.
    const lateEvening = Date.UTC(2026, 10, 22, 22, 30);
    expect(validUntilText(Date.UTC(2026, 10, 22, 22, 45), lateEvening, stockholm('en'), t('en'))).toBe('Valid until 23:45 today');
    // 00:30 in Athens on the 23rd (22:30 UTC on the 22nd): a code until 21:00 on the 23rd there is today.
    expect(validUntilText(Date.UTC(2026, 10, 23, 19, 0), lateEvening, athens('en'), t('en'))).toBe('Valid until 9:00 PM today');
  });

  it('valid until: across the spring change of clocks, the local time is what the store’s clock says', () => {
    // 29 March 2026, clocks go from 02:00 to 03:00 in Stockholm. 08:00 UTC is 10:00 CEST.
    const morning = Date.UTC(2026, 2, 29, 8, 0);
    expect(validUntilText(Date.UTC(2026, 2, 29, 19, 0), morning, stockholm('en'), t('en'))).toBe('Valid until 21:00 today');
    // Midnight that night is 22:00 UTC (CEST), not 23:00.
    expect(validUntilText(Date.UTC(2026, 2, 29, 22, 0), morning, stockholm('en'), t('en'))).toBe('Valid today until midnight');
    expect(validUntilText(Date.UTC(2026, 2, 29, 23, 0), morning, stockholm('en'), t('en'))).toBe('Valid until 01:00 tomorrow');
  });

  it('valid until: a broken time zone still says a date rather than failing', () => {
    const text = validUntilText(Date.UTC(2026, 10, 22, 20, 0), NOW, { language: 'en', storeLocale: 'sv-SE', timeZone: 'Mars/Olympus' }, t('en'));
    expect(text).toMatch(/^Valid until \S/);
  });
});
