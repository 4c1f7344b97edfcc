import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../../../shared/api/sync';
import type { Language } from '../../../../shared/languages';
import el from '../../i18n/locales/el.json';
import en from '../../i18n/locales/en.json';
import pl from '../../i18n/locales/pl.json';
import sv from '../../i18n/locales/sv.json';
import { etaText, freshnessText, percentDone, percentText, stageText } from './syncText';

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

// Local time, as the pillar's screen shows it.
const NOW = new Date(2025, 4, 12, 16, 30).getTime();
const MINUTE = 60_000;
const SV_STORE = { storeLocale: 'sv-SE' };

describe('provisioning: time left', () => {
  it('eta: nothing is promised until there is a rate to estimate from', () => {
    expect(etaText(null, t('en'))).toBeNull();
  });

  it('eta: under a minute says so rather than counting seconds', () => {
    expect(etaText(0, t('en'))).toBe('Less than a minute left');
    expect(etaText(59, t('en'))).toBe('Less than a minute left');
    expect(etaText(30, t('sv'))).toBe('Mindre än en minut kvar');
    expect(etaText(30, t('pl'))).toBe('Została niecała minuta');
    expect(etaText(30, t('el'))).toBe('Απομένει λιγότερο από ένα λεπτό');
  });

  it('eta: minutes, rounded, with each language’s plural forms', () => {
    expect(etaText(60, t('en'))).toBe('About 1 minute left');
    expect(etaText(130, t('en'))).toBe('About 2 minutes left');
    expect(etaText(60, t('sv'))).toBe('Ungefär 1 minut kvar');
    expect(etaText(300, t('sv'))).toBe('Ungefär 5 minuter kvar');
    expect(etaText(60, t('el'))).toBe('Απομένει περίπου 1 λεπτό');
    expect(etaText(120, t('el'))).toBe('Απομένουν περίπου 2 λεπτά');
    // Polish: 1 minuty, 2–4 and 22–24 minut (few), 5–21 and 25 minut (many), after "około".
    expect(etaText(60, t('pl'))).toBe('Zostało około 1 minuty');
    expect(etaText(180, t('pl'))).toBe('Zostało około 3 minut');
    expect(etaText(12 * 60, t('pl'))).toBe('Zostało około 12 minut');
    expect(etaText(22 * 60, t('pl'))).toBe('Zostało około 22 minut');
  });

  it('eta: from an hour and a half on, hours', () => {
    expect(etaText(89 * 60, t('en'))).toBe('About 89 minutes left');
    expect(etaText(2 * 3600, t('en'))).toBe('About 2 hours left');
    expect(etaText(5 * 3600, t('pl'))).toBe('Zostało około 5 godzin');
    expect(etaText(3 * 3600, t('el'))).toBe('Απομένουν περίπου 3 ώρες');
    expect(etaText(2 * 3600, t('sv'))).toBe('Ungefär 2 timmar kvar');
  });

  it('stage: each stage in words, and a start before the first report', () => {
    const at = (stage: SyncProgress['stage']): SyncProgress => ({ stage, fraction: 0.5, etaSeconds: 60, rows: 0, bytes: 0, totalBytes: 0 });
    expect(stageText(null, t('en'))).toBe('Getting started');
    expect(stageText(at('download'), t('en'))).toBe('Downloading products and stock');
    expect(stageText(at('load'), t('sv'))).toBe('Läser in produkter och lagersaldon');
    expect(stageText(at('check'), t('pl'))).toBe('Sprawdzamy, czy wszystko się zgadza');
    expect(stageText(at('swap'), t('el'))).toBe('Σχεδόν έτοιμο');
  });

  it('percent: whole percent, never 100 before the end, and written the language’s way', () => {
    expect(percentDone(0)).toBe(0);
    expect(percentDone(0.456)).toBe(45);
    expect(percentDone(0.999)).toBe(99);
    expect(percentDone(1)).toBe(100);
    expect(percentText(45, 'en')).toBe('45%');
    expect(percentText(45, 'sv')).toMatch(/^45\s%$/u);
  });
});

describe('stock freshness: words', () => {
  it('freshness: under a minute is "just now", including a backend clock a little ahead of ours', () => {
    expect(freshnessText({ kind: 'fresh', at: NOW - 59_000 }, NOW, t('en'), { language: 'en', ...SV_STORE })).toBe('Stock updated just now');
    expect(freshnessText({ kind: 'fresh', at: NOW + 5_000 }, NOW, t('en'), { language: 'en', ...SV_STORE })).toBe('Stock updated just now');
    expect(freshnessText({ kind: 'fresh', at: NOW }, NOW, t('sv'), { language: 'sv', ...SV_STORE })).toBe('Lagersaldot uppdaterades nyss');
  });

  it('freshness: minutes ago within the hour, with plural forms', () => {
    const ago = (minutes: number, lang: Language): string | null =>
      freshnessText({ kind: 'fresh', at: NOW - minutes * MINUTE }, NOW, t(lang), { language: lang, ...SV_STORE });
    expect(ago(1, 'en')).toBe('Stock updated 1 minute ago');
    expect(ago(2, 'en')).toBe('Stock updated 2 minutes ago');
    expect(ago(59, 'en')).toBe('Stock updated 59 minutes ago');
    expect(ago(1, 'sv')).toBe('Lagersaldot uppdaterades för 1 minut sedan');
    expect(ago(7, 'sv')).toBe('Lagersaldot uppdaterades för 7 minuter sedan');
    expect(ago(1, 'el')).toBe('Το απόθεμα ενημερώθηκε πριν από 1 λεπτό');
    expect(ago(4, 'el')).toBe('Το απόθεμα ενημερώθηκε πριν από 4 λεπτά');
    expect(ago(1, 'pl')).toBe('Stany magazynowe zaktualizowano 1 minutę temu');
    expect(ago(3, 'pl')).toBe('Stany magazynowe zaktualizowano 3 minuty temu');
    expect(ago(5, 'pl')).toBe('Stany magazynowe zaktualizowano 5 minut temu');
    expect(ago(22, 'pl')).toBe('Stany magazynowe zaktualizowano 22 minuty temu');
    expect(ago(25, 'pl')).toBe('Stany magazynowe zaktualizowano 25 minut temu');
  });

  it('freshness: from an hour on, the time of day; on another day, the date too', () => {
    const today = new Date(2025, 4, 12, 14, 5).getTime();
    const yesterday = new Date(2025, 4, 11, 9, 5).getTime();
    const line = (at: number, lang: Language): string | null => freshnessText({ kind: 'fresh', at }, NOW, t(lang), { language: lang, ...SV_STORE });
    expect(line(today, 'en')).toBe('Stock updated at 14:05');
    expect(line(today, 'sv')).toBe('Lagersaldot uppdaterades kl. 14:05');
    expect(line(today, 'pl')).toBe('Stany magazynowe zaktualizowano o 14:05');
    expect(line(today, 'el')).toBe('Το απόθεμα ενημερώθηκε στις 14:05');
    expect(line(yesterday, 'en')).toBe('Stock updated on May 11 at 09:05');
    expect(line(yesterday, 'sv')).toBe('Lagersaldot uppdaterades 11 maj kl. 09:05');
    expect(line(yesterday, 'pl')).toBe('Stany magazynowe zaktualizowano 11 maja o 09:05');
    expect(line(yesterday, 'el')).toBe('Το απόθεμα ενημερώθηκε στις 11 Μαΐου, 09:05');
  });

  it('freshness: the clock is the store country’s (24-hour in Sweden, 12-hour in the US), the words the shopper’s', () => {
    const at = new Date(2025, 4, 12, 14, 5).getTime();
    expect(freshnessText({ kind: 'fresh', at }, NOW, t('en'), { language: 'en', storeLocale: 'sv-SE' })).toBe('Stock updated at 14:05');
    expect(freshnessText({ kind: 'fresh', at }, NOW, t('en'), { language: 'en', storeLocale: 'en-US' })).toMatch(/^Stock updated at 2:05\sPM$/u);
    // A locale Intl cannot read falls back to the 24-hour clock rather than failing.
    expect(freshnessText({ kind: 'fresh', at }, NOW, t('en'), { language: 'en', storeLocale: 'not a locale' })).toBe('Stock updated at 14:05');
  });

  it('freshness: stale says since when and what to do, calmly, in every language', () => {
    const at = new Date(2025, 4, 12, 14, 5).getTime();
    const stale = (lang: Language): string | null => freshnessText({ kind: 'stale', at }, NOW, t(lang), { language: lang, ...SV_STORE });
    expect(stale('en')).toBe('Stock may have changed since 14:05 — ask staff to check');
    expect(stale('sv')).toBe('Lagersaldot kan ha ändrats sedan kl. 14:05 – be gärna personalen kontrollera');
    expect(stale('pl')).toBe('Stany magazynowe mogły się zmienić od godz. 14:05 – poproś obsługę o sprawdzenie');
    expect(stale('el')).toBe('Το απόθεμα μπορεί να έχει αλλάξει από τις 14:05 — ζητήστε από το προσωπικό να το ελέγξει');
  });

  it('freshness: stale since another day names the day; stale without a time says only what to do', () => {
    const lastWeek = new Date(2025, 4, 5, 18, 40).getTime();
    expect(freshnessText({ kind: 'stale', at: lastWeek }, NOW, t('en'), { language: 'en', ...SV_STORE })).toBe(
      'Stock may have changed since May 5 at 18:40 — ask staff to check',
    );
    expect(freshnessText({ kind: 'stale', at: null }, NOW, t('en'), { language: 'en', ...SV_STORE })).toBe('Stock may have changed — ask staff to check');
  });

  it('freshness: hidden says nothing', () => {
    expect(freshnessText({ kind: 'hidden' }, NOW, t('en'), { language: 'en', ...SV_STORE })).toBeNull();
  });
});
