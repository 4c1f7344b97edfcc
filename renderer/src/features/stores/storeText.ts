import type { TFunction } from 'i18next';
import type { Language } from '../../../../shared/languages';
import { numberFormat } from '../../app/format';
import type { OpenState } from './storeHours';

/**
 * The words and numbers of stores for shoppers: distances, clock times, open or closed. Words are in the
 * shopper's language; numbers and the clock follow the store's locale (a Swedish store says 5,3 km and
 * 17:00 whatever the language), as prices do.
 */
export interface StoreLocale {
  language: Language;
  /** The store's locale from the configuration, e.g. `sv-SE`. */
  storeLocale: string;
}

/** "800 m", "5,3 km", "63 km": a tenth of a kilometre is as exact as a walk needs, under 10 km. */
export function formatDistance(km: number, storeLocale: string): string {
  if (km < 1) {
    const metres = Math.max(100, Math.round(km * 10) * 100);
    return unitFormat(storeLocale, 'meter', 0).format(metres);
  }
  return unitFormat(storeLocale, 'kilometer', km < 10 ? 1 : 0).format(km);
}

/** The store's formatter for a distance (made once, see `numberFormat`); English when the locale is unknown. */
function unitFormat(locale: string, unit: 'meter' | 'kilometer', digits: number): Intl.NumberFormat {
  const options: Intl.NumberFormatOptions = { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits };
  try {
    return numberFormat(locale, options);
  } catch {
    return numberFormat('en', options);
  }
}

/** `"09:00"` as the store's country writes the time: 09:00 with a 24-hour clock, 9:00 AM with a 12-hour one. */
export function formatClock(clock: string, { language, storeLocale }: StoreLocale): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock);
  if (!match) return clock;
  const hourCycle = hourCycleOf(storeLocale);
  const hour = hourCycle === 'h23' || hourCycle === 'h24' ? '2-digit' : 'numeric';
  // A fixed date in UTC: only the hour and minute are formatted, so no time zone can shift them.
  const at = Date.UTC(2024, 0, 1, Number(match[1]), Number(match[2]));
  return new Intl.DateTimeFormat(language, { hour, minute: '2-digit', hourCycle, timeZone: 'UTC' }).format(at);
}

function hourCycleOf(storeLocale: string): Intl.DateTimeFormatOptions['hourCycle'] {
  try {
    return new Intl.DateTimeFormat(storeLocale, { hour: 'numeric' }).resolvedOptions().hourCycle ?? 'h23';
  } catch {
    return 'h23';
  }
}

/** "Monday", "måndag", "poniedziałek", "Δευτέρα" (0 = Monday): each language's own casing, for running text. */
export function weekdayName(day: number, language: Language): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + day));
}

/** The weekday as a label that starts a line: "Måndag", "Poniedziałek". */
export function weekdayLabel(day: number, language: Language): string {
  const name = weekdayName(day, language);
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** "Open now · until 20:00", "Closed now · opens tomorrow at 10:00", … */
export function openStateText(state: OpenState, t: TFunction, locale: StoreLocale): string {
  switch (state.kind) {
    case 'open':
      return state.closes ? t('stores.open.until', { time: formatClock(state.closes, locale) }) : t('stores.open.now');
    case 'opensToday':
      return t('stores.open.opensToday', { time: formatClock(state.at, locale) });
    case 'opensTomorrow':
      return t('stores.open.opensTomorrow', { time: formatClock(state.at, locale) });
    case 'opensOn':
      return t('stores.open.opensOn', { day: weekdayName(state.day, locale.language), time: formatClock(state.at, locale) });
    case 'closed':
      return t('stores.open.closedNow');
  }
}

/** A day's hours for the week table: "10:00–20:00" or "Closed". */
export function dayHoursText(hours: readonly [string, string] | null, t: TFunction, locale: StoreLocale): string {
  if (!hours) return t('stores.hours.closed');
  return `${formatClock(hours[0], locale)}–${formatClock(hours[1], locale)}`;
}
