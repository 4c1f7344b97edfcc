import { distanceKm } from '../../../shared/geo';
import type { Db } from '../db/open';

export { distanceKm };

export interface Location {
  id: number;
  code: string;
  kind: 'store' | 'warehouse';
  name: string;
  address: string;
  postalCode: string;
  city: string;
  lat: number;
  lon: number;
  timeZone: string;
  phone: string;
  /** Monday first; null = closed; ["10:00", "20:00"] local time. */
  openingHours: ([string, string] | null)[];
}

export interface Region {
  home: Location;
  /** Nearby stores, nearest first, with their distance from home. */
  nearby: (Location & { distanceKm: number })[];
  warehouse: Location | null;
}

interface LocationRow {
  id: number;
  code: string;
  kind: 'store' | 'warehouse';
  name: string;
  address: string;
  postal_code: string;
  city: string;
  lat: number;
  lon: number;
  time_zone: string;
  phone: string;
  opening_hours: string;
}

/**
 * The cache's region: this store, its nearby stores and the online warehouse (meta `region`). Null when
 * the cache holds no region yet (never provisioned) or this store is not in it.
 */
export function readRegion(db: Db, storeCode: string): Region | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'region'").get() as { value: string } | undefined;
  if (!row) return null;
  const region = JSON.parse(row.value) as { home: string; nearby: string[]; warehouse: string | null };
  const byCode = new Map(
    (db.prepare('SELECT * FROM locations').all() as LocationRow[]).map((r) => [r.code, toLocation(r)] as const),
  );
  const home = byCode.get(storeCode);
  if (!home || region.home !== storeCode) return null;
  const nearby = region.nearby
    .map((code) => byCode.get(code))
    .filter((l): l is Location => !!l)
    .map((l) => ({ ...l, distanceKm: round1(distanceKm(home, l)) }))
    .sort((a, b) => a.distanceKm - b.distanceKm);
  return { home, nearby, warehouse: (region.warehouse && byCode.get(region.warehouse)) || null };
}

function toLocation(r: LocationRow): Location {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    name: r.name,
    address: r.address,
    postalCode: r.postal_code,
    city: r.city,
    lat: r.lat,
    lon: r.lon,
    timeZone: r.time_zone,
    phone: r.phone,
    openingHours: JSON.parse(r.opening_hours) as Location['openingHours'],
  };
}


function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Formatters are costly to build (~0.1 ms); one per time zone, reused. */
const clocks = new Map<string, Intl.DateTimeFormat>();

/** The local weekday (0 = Monday) and "HH:MM" time at `now` in a time zone. */
export function localClock(timeZone: string, now: Date): { day: number; time: string } {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAYS.indexOf(part('weekday')), time: `${part('hour')}:${part('minute')}` };
}

/** Whether a location is open at `now`, in its own time zone (a store in another zone is judged by its clock). */
export function isOpenAt(location: Pick<Location, 'openingHours' | 'timeZone'>, now: Date, clock = localClock(location.timeZone, now)): boolean {
  const hours = location.openingHours[clock.day];
  return !!hours && clock.time >= hours[0] && clock.time < hours[1];
}
