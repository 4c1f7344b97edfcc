/**
 * Opening hours as a shopper needs them: is it open now, until when, and if not, when it opens next.
 * Pure functions of the store's week (`catalog.stores`: seven entries, Monday first, `"HH:MM"` in the
 * store's local time) and the local day and time, so every case is testable without a clock.
 */

/** A day's hours, `[opens, closes]`, or null when closed all day. */
export type DayHours = readonly [string, string] | null;

/** What `catalog.stores` says about one store's hours. */
export interface StoreHours {
  openNow: boolean;
  /** Today's hours, or null when it is closed today. */
  today: DayHours;
  /** Seven days, Monday first. */
  openingHours: readonly DayHours[];
}

/** A moment on the store's clock: 0 = Monday … 6 = Sunday, and minutes since midnight. */
export interface LocalTime {
  day: number;
  minutes: number;
}

export type OpenState =
  | { kind: 'open'; closes: string | null }
  | { kind: 'opensToday'; at: string }
  | { kind: 'opensTomorrow'; at: string }
  /** Closed today and tomorrow: the next day it opens (0 = Monday). */
  | { kind: 'opensOn'; day: number; at: string }
  /** Closed, and no day of the week has hours. */
  | { kind: 'closed' };

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Whether the store is open and what to say next. "Open now" is the backend's answer (it knows each
 * store's own time zone); the pillar's clock only decides whether the next opening is today or later.
 */
export function openState(store: StoreHours, local: LocalTime): OpenState {
  if (store.openNow) return { kind: 'open', closes: store.today?.[1] ?? null };
  const today = store.today;
  if (today && local.minutes < minutesOf(today[0])) return { kind: 'opensToday', at: today[0] };
  for (let ahead = 1; ahead <= 7; ahead++) {
    const day = (local.day + ahead) % 7;
    const hours = store.openingHours[day];
    if (!hours) continue;
    return ahead === 1 ? { kind: 'opensTomorrow', at: hours[0] } : { kind: 'opensOn', day, at: hours[0] };
  }
  return { kind: 'closed' };
}

/** `"09:30"` → 570; anything unreadable counts as midnight rather than breaking the screen. */
export function minutesOf(clock: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}

/**
 * The day and time on the pillar's clock in `timeZone` (nearby stores share the pillar's zone). An
 * unknown zone falls back to the machine's own clock.
 */
export function localTime(now: number, timeZone: string): LocalTime {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  } catch {
    const date = new Date(now);
    return { day: (date.getDay() + 6) % 7, minutes: date.getHours() * 60 + date.getMinutes() };
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return { day: Math.max(0, WEEKDAYS.indexOf(part('weekday'))), minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}
