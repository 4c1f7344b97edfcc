/**
 * Pure helpers for the staff screens' words: how long a call has waited, where the shopper was, a lock's
 * countdown, sizes. The screens turn these into translated text.
 */

/** Whole minutes a request has waited (0 for under a minute: "just now"). */
export function waitedMinutes(at: number, now: number): number {
  return Math.max(0, Math.floor((now - at) / 60_000));
}

/** Where a "call staff" came from, as the core writes it: `product:NV-10042`, `checkout`, `results`, … */
export interface HelpPlace {
  screen: string;
  styleCode: string | null;
}

export function helpPlace(screen: string): HelpPlace {
  const colon = screen.indexOf(':');
  if (colon < 0) return { screen, styleCode: null };
  return { screen: screen.slice(0, colon), styleCode: screen.slice(colon + 1) || null };
}

/** The screens the help queue has words for (HelpInput's screens); anything else reads "elsewhere". */
export const HELP_SCREENS = ['attract', 'start', 'results', 'product', 'stores', 'bag', 'checkout', 'confirmation', 'other'] as const;
export type HelpScreen = (typeof HELP_SCREENS)[number];

export function knownScreen(screen: string): HelpScreen {
  return (HELP_SCREENS as readonly string[]).includes(screen) ? (screen as HelpScreen) : 'other';
}

/** "0:27", "14:05": what is left of a lock, counting down by the second. */
export function countdown(until: number, now: number): string {
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The store's queue was read from HQ too long ago (or never) to be the whole store's: staff are told. */
export const QUEUE_STALE_MS = 2 * 60_000;
export function queueStale(fetchedAt: number | null, now: number): boolean {
  return fetchedAt === null || now - fetchedAt > QUEUE_STALE_MS;
}

/** "1.2 GB", "340 MB": a size in the store's locale, in the largest unit that keeps it above 1. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
  } catch {
    return `${Math.round(value)} ${units[unit]}`;
  }
}

/** "14:05" on the store's clock. */
export function clock(at: number, timeZone: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
  } catch {
    return new Date(at).toISOString().slice(11, 16);
  }
}
