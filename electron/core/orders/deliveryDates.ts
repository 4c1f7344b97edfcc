import type { Settings } from '../../../shared/sync/entities';

/**
 * When a home delivery arrives, from HQ's rules, as dates in the store's time zone. Pure: the clock is an
 * argument, so every case (a Friday after the cut-off, Easter, a DST weekend, December) is a plain test.
 *
 * The order leaves the warehouse `warehouseLeadDays` working days after the day it counts from: the day it
 * is placed when that is a working day and it is before the cut-off (local time), else the next working
 * day. Carriers take `carrierDays.min`–`max` working days. A working day is Monday to Friday and not a
 * public holiday of the store's country. A peak period (December) adds its `extraDays` when the dispatch
 * or any day of the window falls in it.
 *
 * Dates are counted as whole days (`YYYY-MM-DD`); only "which day is it, and is it before the cut-off"
 * depends on the clock, so a DST change cannot shift a delivery day.
 */

export type DeliveryRules = Settings['delivery'];

export interface DeliveryWindow {
  /** The day the parcel leaves the warehouse. */
  dispatch: string;
  from: string;
  to: string;
  /** Working days from `from` over the next two weeks: the days a delivery can be booked for. */
  choosableDays: string[];
  /** Holidays or a peak period made it later than the same order in an ordinary week. */
  extended: boolean;
}

/** How far ahead a shopper may book a delivery day, counted from the earliest one (calendar days). */
export const CHOOSABLE_SPAN_DAYS = 14;

const DAY_MS = 86_400_000;

export function deliveryWindow(placedAt: number, rules: DeliveryRules, store: { timeZone: string; country: string }): DeliveryWindow {
  const holidays = new Set(rules.holidays[store.country] ?? []);
  const { day: today, time } = localDay(placedAt, store.timeZone);
  const working = (day: number): boolean => isWeekday(day) && !holidays.has(isoDate(day));
  const actual = plan(today, time, rules, working, true);
  // The same order in an ordinary week (weekends only): what "extended" is measured against.
  const usual = plan(today, time, rules, isWeekday, false);
  const choosableDays: string[] = [];
  for (let day = actual.from; day < actual.from + CHOOSABLE_SPAN_DAYS; day++) if (working(day)) choosableDays.push(isoDate(day));
  return {
    dispatch: isoDate(actual.dispatch),
    from: isoDate(actual.from),
    to: isoDate(actual.to),
    choosableDays,
    extended: actual.from > usual.from || actual.to > usual.to,
  };
}

/** Dispatch and window as day numbers (days since 1970-01-01), with or without the peak periods. */
function plan(today: number, time: string, rules: DeliveryRules, working: (day: number) => boolean, peaks: boolean): { dispatch: number; from: number; to: number } {
  const next = (day: number): number => {
    let d = day + 1;
    while (!working(d)) d++;
    return d;
  };
  const add = (day: number, count: number): number => {
    let d = day;
    for (let i = 0; i < count; i++) d = next(d);
    return d;
  };
  const start = working(today) && time < rules.cutoff ? today : next(today);
  const dispatch = add(start, rules.warehouseLeadDays);
  const min = Math.min(rules.carrierDays.min, rules.carrierDays.max);
  const max = Math.max(rules.carrierDays.min, rules.carrierDays.max);
  let from = add(dispatch, min);
  let to = add(dispatch, max);
  if (peaks) {
    const extra = Math.max(0, ...rules.peaks.filter((peak) => overlaps(peak, dispatch, dispatch) || overlaps(peak, from, to)).map((peak) => peak.extraDays));
    from = add(from, extra);
    to = add(to, extra);
  }
  return { dispatch, from, to };
}

function overlaps(peak: { from: string; to: string }, first: number, last: number): boolean {
  return dayNumber(peak.from) <= last && dayNumber(peak.to) >= first;
}

/** Formatters are costly to build; one per time zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day (as a day number) and "HH:MM" at an instant, in a time zone. */
export function localDay(at: number, timeZone: string): { day: number; time: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return { day: Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day'])) / DAY_MS, time: `${parts['hour']}:${parts['minute']}` };
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function isWeekday(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Epoch ms of the local midnight that began the day `at` falls in, in a time zone (for "today" counts). */
export function startOfLocalDay(at: number, timeZone: string): number {
  const { day, time } = localDay(at, timeZone);
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  // The wall clock's time since midnight, taken off the instant; on a DST day that is an hour off either way.
  let start = at - ((hours * 60 + minutes) * 60_000 + (at % 60_000));
  if (localDay(start, timeZone).day !== day) start += 3_600_000;
  else if (localDay(start - 3_600_000, timeZone).day === day) start -= 3_600_000;
  return start;
}
