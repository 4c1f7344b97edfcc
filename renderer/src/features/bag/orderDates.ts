import type { Language } from '../../../../shared/languages';

/**
 * Dates of an order as a shopper reads them: in their language, with the store's conventions where the
 * language leaves a choice (an English shopper in Stockholm reads "Thu 12 Mar", not "Thu, Mar 12"), on
 * the store's clock. Delivery days are already local dates of the store (`2026-03-12`); a hold's end is an
 * instant, shown in the store's time zone.
 */
export interface DateContext {
  language: Language;
  /** The store's locale, e.g. `sv-SE`. */
  storeLocale: string;
  /** The store's time zone, e.g. `Europe/Stockholm`. */
  timeZone: string;
}

/** The shopper's language with the store's region (`en-SE`), when there is a region to add. */
export function dateLocale(language: Language, storeLocale: string): string {
  const region = regionOf(storeLocale);
  if (!region) return language;
  const tag = `${language}-${region}`;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 ? tag : language;
  } catch {
    return language;
  }
}

/** The store's country (`SE`) from its locale, or null when the locale names none. */
export function regionOf(storeLocale: string): string | null {
  try {
    return new Intl.Locale(storeLocale).region ?? null;
  } catch {
    return null;
  }
}

/** `2026-03-12` as an instant that formats as that same day in UTC (the day is already the store's). */
function dayInstant(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

const SHORT: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
const LONG: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' };

/** "Thu 12 Mar" (short) or "Thursday 12 March" (long). */
export function formatDay(iso: string, context: Pick<DateContext, 'language' | 'storeLocale'>, length: 'short' | 'long' = 'long'): string {
  return new Intl.DateTimeFormat(dateLocale(context.language, context.storeLocale), length === 'short' ? SHORT : LONG).format(dayInstant(iso));
}

/** "Thu 12 – Sat 14 Mar"; one day when both ends are the same. */
export function formatDayRange(from: string, to: string, context: Pick<DateContext, 'language' | 'storeLocale'>, length: 'short' | 'long' = 'long'): string {
  if (from === to) return formatDay(from, context, length);
  const format = new Intl.DateTimeFormat(dateLocale(context.language, context.storeLocale), length === 'short' ? SHORT : LONG);
  return format.formatRange(dayInstant(from), dayInstant(to));
}

/** A date tile's three parts: "Thu", "12", "Mar", in the shopper's language. */
export function dayParts(iso: string, context: Pick<DateContext, 'language' | 'storeLocale'>): { weekday: string; day: string; month: string } {
  const locale = dateLocale(context.language, context.storeLocale);
  const at = dayInstant(iso);
  const part = (options: Intl.DateTimeFormatOptions): string => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(at).replace(/\.$/, '');
  return { weekday: part({ weekday: 'short' }), day: part({ day: 'numeric' }), month: part({ month: 'short' }) };
}

/** "Saturday 14 March at 18:00" on the store's clock (12- or 24-hour as the store's country writes it). */
export function formatUntil(at: number, context: DateContext): string {
  const hourCycle = hourCycleOf(context.storeLocale);
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    // 24-hour clocks write the hour in two digits (01:22), 12-hour ones do not (1:22 AM).
    hour: hourCycle === 'h23' || hourCycle === 'h24' ? '2-digit' : 'numeric',
    minute: '2-digit',
    hourCycle,
    timeZone: context.timeZone,
  };
  const locale = dateLocale(context.language, context.storeLocale);
  try {
    return new Intl.DateTimeFormat(locale, options).format(at);
  } catch {
    // An unknown time zone in a broken configuration: the device's own clock beats no date at all.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined }).format(at);
  }
}

function hourCycleOf(storeLocale: string): Intl.DateTimeFormatOptions['hourCycle'] {
  try {
    return new Intl.DateTimeFormat(storeLocale, { hour: 'numeric' }).resolvedOptions().hourCycle ?? 'h23';
  } catch {
    return 'h23';
  }
}
