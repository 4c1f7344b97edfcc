import type { TFunction } from 'i18next';
import { dateLocale, formatDay, formatUntil, type DateContext } from '../bag/orderDates';

/**
 * A coupon code as the shopper reads it at arm's length and says it at the till: its groups, each
 * character on its own for a screen reader, and until when it is valid on the store's clock.
 */

/** `PLR-7K2M-Q4XD-8` → `['PLR', '7K2M', 'Q4XD', '8']`: shown apart, so the eye keeps its place. */
export function codeGroups(code: string): string[] {
  return code.split('-').filter((group) => group !== '');
}

/** "P L R, 7 K 2 M, …": read out one character at a time, a pause between the groups. */
export function spelledCode(code: string): string {
  return codeGroups(code)
    .map((group) => group.split('').join(' '))
    .join(', ');
}

/** The store's calendar date (`2026-11-22`) at an instant. */
function localDate(at: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD, which compare as strings.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function nextDate(date: string): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** "21:00" (or "9:00 PM" where the store's country writes 12-hour clocks), on the store's clock. */
function clockTime(at: number, context: DateContext): string {
  const hourCycle = new Intl.DateTimeFormat(context.storeLocale, { hour: 'numeric' }).resolvedOptions().hourCycle ?? 'h23';
  const twentyFour = hourCycle === 'h23' || hourCycle === 'h24';
  return new Intl.DateTimeFormat(dateLocale(context.language, context.storeLocale), {
    hour: twentyFour ? '2-digit' : 'numeric',
    minute: '2-digit',
    hourCycle,
    timeZone: context.timeZone,
  }).format(at);
}

/**
 * "Valid until 21:00 today", "… tomorrow", or the full date further ahead. A code that runs to the end
 * of a day (its expiry is the next day's 00:00 on the store's clock) says "until midnight", never "until
 * 00:00 tomorrow", which reads as a day too many.
 */
export function validUntilText(expiresAt: number, now: number, context: DateContext, t: TFunction): string {
  try {
    const today = localDate(now, context.timeZone);
    const tomorrow = nextDate(today);
    const endsDay = clockTime(expiresAt, { ...context, storeLocale: 'en-GB', language: 'en' }) === '00:00';
    if (endsDay) {
      // The last day it is valid on: the day before its expiry's date.
      const lastDay = localDate(expiresAt - 1, context.timeZone);
      if (lastDay === today) return t('offers.code.validTodayMidnight');
      if (lastDay === tomorrow) return t('offers.code.validTomorrowMidnight');
      return t('offers.code.validDayEnd', { day: formatDay(lastDay, context) });
    }
    const day = localDate(expiresAt, context.timeZone);
    const time = clockTime(expiresAt, context);
    if (day === today) return t('offers.code.validToday', { time });
    if (day === tomorrow) return t('offers.code.validTomorrow', { time });
    return t('offers.code.validUntil', { date: formatUntil(expiresAt, context) });
  } catch {
    // An unknown time zone in a broken configuration: the full date on the device's clock beats none.
    return t('offers.code.validUntil', { date: formatUntil(expiresAt, context) });
  }
}
