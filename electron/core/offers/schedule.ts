import type { Offer } from '../../../shared/sync/entities';

/**
 * Offer schedules are written in the store's local time ("2026-12-24T10:00:00", "10:00"–"18:00"), so
 * whether one runs now, and when it ends, is worked out on the store's clock — across daylight-saving
 * changes too.
 */

/** The local date-time `YYYY-MM-DDTHH:MM:SS` and weekday (0 = Monday) at `now` in a time zone. */
export function localDateTime(timeZone: string, now: Date): { iso: string; day: number; time: string; date: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
  const time = `${parts['hour']}:${parts['minute']}`;
  return { iso: `${date}T${time}:${parts['second']}`, date, time, day: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts['weekday'] ?? '') };
}

/** The instant a local date-time names in a time zone (the first of two in the autumn's repeated hour). */
export function zonedToEpoch(localIso: string, timeZone: string): number {
  const asUtc = Date.parse(`${localIso.length === 16 ? `${localIso}:00` : localIso}Z`);
  // The zone's offset at a guess, then at the corrected instant: right on both sides of a change.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetAt(timeZone, guess);
  return guess;
}

function offsetAt(timeZone: string, epoch: number): number {
  const local = localDateTime(timeZone, new Date(epoch)).iso;
  return Date.parse(`${local}Z`) - Math.floor(epoch / 1000) * 1000;
}

/** Whether an offer runs at `now` in a store, and if so until when (epoch ms). */
export function runningUntil(offer: Offer, timeZone: string, now: Date): number | null {
  const local = localDateTime(timeZone, now);
  const { start, end, days, hours } = offer.schedule;
  if (local.iso < normalise(start) || local.iso >= normalise(end)) return null;
  if (days && !days.includes(local.day)) return null;
  let until = zonedToEpoch(normalise(end), timeZone);
  if (hours) {
    if (local.time < hours[0] || local.time >= hours[1]) return null;
    until = Math.min(until, zonedToEpoch(`${local.date}T${hours[1]}:00`, timeZone));
  }
  if (offer.kind === 'today-only') until = Math.min(until, endOfLocalDay(timeZone, now));
  return until;
}

/** The next local midnight after `now` in a time zone (epoch ms): 23 or 25 hours away on a daylight-saving day. */
export function endOfLocalDay(timeZone: string, now: Date): number {
  return zonedToEpoch(`${nextDate(localDateTime(timeZone, now).date)}T00:00:00`, timeZone);
}

/** Whether an offer is for this store (no stores listed: every store of the chain). */
export function runsInStore(offer: Offer, storeCode: string): boolean {
  return offer.stores.length === 0 || offer.stores.includes(storeCode);
}

/** Whether an offer's schedule has ended for good at `now` (its end date passed on the store's clock). */
export function hasEnded(offer: Offer, timeZone: string, now: Date): boolean {
  return zonedToEpoch(normalise(offer.schedule.end), timeZone) <= now.getTime();
}

function normalise(iso: string): string {
  return iso.length === 16 ? `${iso}:00` : iso.slice(0, 19);
}

function nextDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
