import { describe, expect, it } from 'vitest';
import { localTime, minutesOf, openState, type DayHours, type StoreHours } from './storeHours';

/** Monday to Friday 10–20, Saturday 10–18, Sunday closed. */
const WEEK: DayHours[] = [
  ['10:00', '20:00'],
  ['10:00', '20:00'],
  ['10:00', '20:00'],
  ['10:00', '20:00'],
  ['10:00', '20:00'],
  ['10:00', '18:00'],
  null,
];

function store(openNow: boolean, day: number, week: DayHours[] = WEEK): StoreHours {
  return { openNow, today: week[day] ?? null, openingHours: week };
}

const at = (day: number, clock: string) => ({ day, minutes: minutesOf(clock) });

describe('store hours: open now, and when it opens next', () => {
  it('hours: an open store says until when', () => {
    expect(openState(store(true, 2), at(2, '14:00'))).toEqual({ kind: 'open', closes: '20:00' });
  });

  it('hours: before opening time it opens today', () => {
    expect(openState(store(false, 2), at(2, '08:30'))).toEqual({ kind: 'opensToday', at: '10:00' });
  });

  it('hours: after closing it opens tomorrow', () => {
    expect(openState(store(false, 2), at(2, '21:15'))).toEqual({ kind: 'opensTomorrow', at: '10:00' });
  });

  it('hours: on Saturday evening, with Sunday closed, it names Monday', () => {
    expect(openState(store(false, 5), at(5, '19:00'))).toEqual({ kind: 'opensOn', day: 0, at: '10:00' });
  });

  it('hours: on a closed Sunday it opens tomorrow, Monday', () => {
    expect(openState(store(false, 6), at(6, '12:00'))).toEqual({ kind: 'opensTomorrow', at: '10:00' });
  });

  it('hours: the week wraps from Sunday to the days after', () => {
    const onlyWednesdays: DayHours[] = [null, null, ['11:00', '15:00'], null, null, null, null];
    expect(openState(store(false, 6, onlyWednesdays), at(6, '12:00'))).toEqual({ kind: 'opensOn', day: 2, at: '11:00' });
  });

  it('hours: a store that opens only today, after closing, opens again a week later', () => {
    const onlyMondays: DayHours[] = [['09:00', '12:00'], null, null, null, null, null, null];
    expect(openState(store(false, 0, onlyMondays), at(0, '13:00'))).toEqual({ kind: 'opensOn', day: 0, at: '09:00' });
  });

  it('hours: a store with no hours at all is just closed', () => {
    expect(openState(store(false, 3, [null, null, null, null, null, null, null]), at(3, '12:00'))).toEqual({ kind: 'closed' });
  });

  it('hours: the backend’s "open now" is trusted even without today’s hours', () => {
    expect(openState({ openNow: true, today: null, openingHours: WEEK }, at(6, '12:00'))).toEqual({ kind: 'open', closes: null });
  });

  it('hours: clock strings become minutes; nonsense counts as midnight rather than throwing', () => {
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('23:59')).toBe(1439);
    expect(minutesOf('9:05')).toBe(545);
    expect(minutesOf('soon')).toBe(0);
  });
});

describe('store hours: the local day and time', () => {
  it('local time: a UTC instant is read on the store’s clock, Monday first', () => {
    // Sunday 2026-11-22 22:30 UTC is Sunday 23:30 in Stockholm and already Monday 07:30 in Tokyo.
    const instant = Date.UTC(2026, 10, 22, 22, 30);
    expect(localTime(instant, 'Europe/Stockholm')).toEqual({ day: 6, minutes: 23 * 60 + 30 });
    expect(localTime(instant, 'Asia/Tokyo')).toEqual({ day: 0, minutes: 7 * 60 + 30 });
  });

  it('local time: summer time is followed', () => {
    // 2026-07-01 10:00 UTC is 12:00 in Stockholm (CEST, UTC+2), a Wednesday.
    expect(localTime(Date.UTC(2026, 6, 1, 10, 0), 'Europe/Stockholm')).toEqual({ day: 2, minutes: 12 * 60 });
  });

  it('local time: an unknown time zone falls back to the machine’s clock instead of failing', () => {
    const instant = Date.UTC(2026, 6, 1, 10, 0);
    const date = new Date(instant);
    expect(localTime(instant, 'Not/AZone')).toEqual({ day: (date.getDay() + 6) % 7, minutes: date.getHours() * 60 + date.getMinutes() });
  });
});
