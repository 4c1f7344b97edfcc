/**
 * Offer schedules are local date-times in each store's time zone ("2026-12-24T18:00:00"): the instant
 * they name depends on the store. The same arithmetic as the pillar's (electron/core/offers/schedule.ts),
 * so the end HQ refuses codes after is the end the pillar shows.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether this JavaScript knows the IANA zone (a location's `timeZone` is free text in the protocol). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `YYYY-MM-DDTHH:MM:SS` on the zone's clock at an instant. */
export function localIso(timeZone: string, epochMs: number): string {
  const parts = Object.fromEntries(
    formatOf(timeZone)
      .formatToParts(new Date(epochMs))
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

/**
 * The instant (epoch ms) a local date-time names in a zone. In the spring's missing hour and the autumn's
 * repeated one it resolves as the pillar does: the zone's offset at a guess, then at the corrected instant.
 */
export function zonedEpoch(local: string, timeZone: string): number {
  const asUtc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  if (Number.isNaN(asUtc)) throw new RangeError(`"${local}" is not a local date-time such as 2026-12-24T18:00:00`);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetAt(timeZone, guess);
  return guess;
}

function offsetAt(timeZone: string, epochMs: number): number {
  return Date.parse(`${localIso(timeZone, epochMs)}Z`) - Math.floor(epochMs / 1000) * 1000;
}
