import { describe, expect, it } from 'vitest';
import { deliveryWindow, dayNumber, isoDate, startOfLocalDay, type DeliveryRules } from './deliveryDates';

const RULES: DeliveryRules = { warehouseLeadDays: 1, cutoff: '15:00', carrierDays: { min: 1, max: 3 }, peaks: [], holidays: {} };
const STOCKHOLM = { timeZone: 'Europe/Stockholm', country: 'SE' };
const WARSAW = { timeZone: 'Europe/Warsaw', country: 'PL' };
const ATHENS = { timeZone: 'Europe/Athens', country: 'GR' };

/** An instant written with its local offset, as a clock on the shop wall would read it. */
const at = (isoWithOffset: string): number => Date.parse(isoWithOffset);

const SE_CHRISTMAS = ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01', '2027-01-06'];

describe('delivery dates', () => {
  it('an ordinary Tuesday before the cut-off: leaves Wednesday, arrives Thursday to Monday', () => {
    const window = deliveryWindow(at('2026-11-17T10:00:00+01:00'), RULES, STOCKHOLM);
    expect(window).toMatchObject({ dispatch: '2026-11-18', from: '2026-11-19', to: '2026-11-23', extended: false });
    // Two weeks from the earliest day, working days only.
    expect(window.choosableDays).toEqual(['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02']);
  });

  it('Friday after the cut-off counts from Monday, and the cut-off minute itself is already after it', () => {
    expect(deliveryWindow(at('2026-11-20T14:59:00+01:00'), RULES, STOCKHOLM)).toMatchObject({ dispatch: '2026-11-23', from: '2026-11-24', to: '2026-11-26' });
    expect(deliveryWindow(at('2026-11-20T15:00:00+01:00'), RULES, STOCKHOLM)).toMatchObject({ dispatch: '2026-11-24', from: '2026-11-25', to: '2026-11-27', extended: false });
    // A Saturday order is a Monday order: the weekend is not "extended", it is the usual week.
    expect(deliveryWindow(at('2026-11-21T11:00:00+01:00'), RULES, STOCKHOLM)).toMatchObject({ dispatch: '2026-11-24', from: '2026-11-25', to: '2026-11-27', extended: false });
  });

  it('a warehouse that ships the same day (no lead time) sends a morning order today', () => {
    expect(deliveryWindow(at('2026-11-17T09:00:00+01:00'), { ...RULES, warehouseLeadDays: 0 }, STOCKHOLM)).toMatchObject({ dispatch: '2026-11-17', from: '2026-11-18', to: '2026-11-20' });
  });

  it('Christmas and New Year in Sweden: no dispatch or delivery on the holidays, and the window says it is extended', () => {
    const rules = { ...RULES, holidays: { SE: SE_CHRISTMAS } };
    const window = deliveryWindow(at('2026-12-23T10:00:00+01:00'), rules, STOCKHOLM);
    expect(window).toMatchObject({ dispatch: '2026-12-28', from: '2026-12-29', to: '2027-01-04', extended: true });
    expect(window.choosableDays).toEqual(['2026-12-29', '2026-12-30', '2027-01-04', '2027-01-05', '2027-01-07', '2027-01-08', '2027-01-11']);
  });

  it('Christmas in the December peak: two extra working days on top of the holidays', () => {
    const rules = { ...RULES, holidays: { SE: SE_CHRISTMAS }, peaks: [{ from: '2026-12-01', to: '2026-12-31', extraDays: 2 }] };
    expect(deliveryWindow(at('2026-12-23T10:00:00+01:00'), rules, STOCKHOLM)).toMatchObject({ dispatch: '2026-12-28', from: '2027-01-04', to: '2027-01-07', extended: true });
  });

  it('Easter in Poland: Easter Monday is no working day', () => {
    const rules = { ...RULES, holidays: { PL: ['2026-01-01', '2026-01-06', '2026-04-05', '2026-04-06', '2026-05-01'] } };
    expect(deliveryWindow(at('2026-04-03T16:00:00+02:00'), rules, WARSAW)).toMatchObject({ dispatch: '2026-04-08', from: '2026-04-09', to: '2026-04-13', extended: true });
  });

  it('Greek Orthodox Easter a week after the western one: Good Friday and Easter Monday in Greece only', () => {
    const holidays = { GR: ['2026-04-10', '2026-04-12', '2026-04-13'], PL: ['2026-04-05', '2026-04-06'] };
    const rules = { ...RULES, holidays };
    expect(deliveryWindow(at('2026-04-09T10:00:00+03:00'), rules, ATHENS)).toMatchObject({ dispatch: '2026-04-14', from: '2026-04-15', to: '2026-04-17', extended: true });
    // The same morning in Warsaw: Poland's Easter was the week before, so nothing moves.
    expect(deliveryWindow(at('2026-04-09T10:00:00+02:00'), rules, WARSAW)).toMatchObject({ dispatch: '2026-04-10', from: '2026-04-13', to: '2026-04-15', extended: false });
  });

  it('the Monday after clocks go forward in Stockholm: the cut-off is read on the new summer time', () => {
    // 14:30 CEST is 12:30 UTC: before the cut-off.
    expect(deliveryWindow(Date.parse('2026-03-30T12:30:00Z'), RULES, STOCKHOLM)).toMatchObject({ dispatch: '2026-03-31', from: '2026-04-01', to: '2026-04-03' });
    // 15:30 CEST is 13:30 UTC, which winter time would read as 14:30: after the cut-off all the same.
    expect(deliveryWindow(Date.parse('2026-03-30T13:30:00Z'), RULES, STOCKHOLM)).toMatchObject({ dispatch: '2026-04-01', from: '2026-04-02', to: '2026-04-06' });
  });

  it('the Monday after clocks go back in Warsaw: 14:30 CET is before the cut-off, though summer time would read 15:30', () => {
    expect(deliveryWindow(Date.parse('2026-10-26T13:30:00Z'), RULES, WARSAW)).toMatchObject({ dispatch: '2026-10-27', from: '2026-10-28', to: '2026-10-30' });
  });

  it('the DST weekend in Athens: the local day and hour decide, in the store’s own zone', () => {
    // Friday 14:59 and 15:00 EEST (UTC+3) before the clocks go back on Sunday.
    expect(deliveryWindow(Date.parse('2026-10-23T11:59:00Z'), RULES, ATHENS).dispatch).toBe('2026-10-26');
    expect(deliveryWindow(Date.parse('2026-10-23T12:00:00Z'), RULES, ATHENS).dispatch).toBe('2026-10-27');
    // Sunday night 23:30 UTC is already Monday 01:30 in Athens (UTC+2 after the change), still Sunday in Stockholm.
    expect(deliveryWindow(Date.parse('2026-10-25T23:30:00Z'), RULES, ATHENS)).toMatchObject({ dispatch: '2026-10-27', from: '2026-10-28' });
    expect(deliveryWindow(Date.parse('2026-10-25T23:30:00Z'), RULES, STOCKHOLM)).toMatchObject({ dispatch: '2026-10-27', from: '2026-10-28' });
    // The spring change: 01:30 UTC is Sunday 04:30 in Athens, just after its clocks skipped 03:00–04:00; a Sunday order.
    expect(deliveryWindow(Date.parse('2026-03-29T01:30:00Z'), RULES, ATHENS)).toMatchObject({ dispatch: '2026-03-31', from: '2026-04-01' });
    // Saturday 23:30 UTC is already Sunday in Athens but still Saturday in Stockholm: both count from Monday.
    expect(deliveryWindow(Date.parse('2026-03-28T23:30:00Z'), RULES, STOCKHOLM).dispatch).toBe('2026-03-31');
  });

  it('the December peak adds its days when the dispatch or the window falls in it, and only then', () => {
    const rules = { ...RULES, peaks: [{ from: '2026-12-01', to: '2026-12-31', extraDays: 2 }] };
    expect(deliveryWindow(at('2026-12-01T10:00:00+01:00'), rules, STOCKHOLM)).toMatchObject({ dispatch: '2026-12-02', from: '2026-12-07', to: '2026-12-09', extended: true });
    // Dispatched on the last Monday of November, arriving in December: extended too.
    expect(deliveryWindow(at('2026-11-27T10:00:00+01:00'), rules, STOCKHOLM)).toMatchObject({ dispatch: '2026-11-30', from: '2026-12-03', to: '2026-12-07', extended: true });
    // Mid-November is untouched.
    expect(deliveryWindow(at('2026-11-17T10:00:00+01:00'), rules, STOCKHOLM)).toMatchObject({ from: '2026-11-19', to: '2026-11-23', extended: false });
  });

  it('over many random orders: the window is ordered and every day in it that can be booked is a working day', () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const holidays = { SE: SE_CHRISTMAS, PL: ['2026-04-06', '2026-11-11'], GR: ['2026-04-10', '2026-04-13'] };
    for (let i = 0; i < 2_000; i++) {
      const store = [STOCKHOLM, WARSAW, ATHENS][Math.floor(random() * 3)]!;
      const min = Math.floor(random() * 4);
      const rules: DeliveryRules = {
        warehouseLeadDays: Math.floor(random() * 3),
        cutoff: `${String(8 + Math.floor(random() * 12)).padStart(2, '0')}:00`,
        carrierDays: { min, max: min + Math.floor(random() * 4) },
        peaks: [{ from: '2026-12-01', to: '2026-12-31', extraDays: 2 }],
        holidays,
      };
      const placedAt = Date.parse('2026-01-01T00:00:00Z') + Math.floor(random() * 365 * 86_400_000);
      const window = deliveryWindow(placedAt, rules, store);
      const working = (iso: string): boolean => ![0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay()) && !(holidays[store.country as keyof typeof holidays] ?? []).includes(iso);
      expect(dayNumber(window.dispatch)).toBeLessThanOrEqual(dayNumber(window.from));
      expect(dayNumber(window.from)).toBeLessThanOrEqual(dayNumber(window.to));
      expect(working(window.dispatch) && working(window.from) && working(window.to)).toBe(true);
      expect(window.choosableDays[0]).toBe(window.from);
      expect(window.choosableDays.every(working)).toBe(true);
      expect(dayNumber(window.choosableDays.at(-1)!) - dayNumber(window.from)).toBeLessThan(14);
      // Never before the order's own local day.
      expect(dayNumber(window.dispatch)).toBeGreaterThanOrEqual(dayNumber(isoDate(Math.floor(placedAt / 86_400_000))) - 1);
    }
  });
});

describe('start of the local day', () => {
  it('is local midnight, on ordinary days and on the days the clocks change', () => {
    expect(startOfLocalDay(Date.parse('2026-11-17T10:00:00+01:00'), 'Europe/Stockholm')).toBe(Date.parse('2026-11-17T00:00:00+01:00'));
    // Spring forward: the day began at 00:00 CET, before the clocks jumped.
    expect(startOfLocalDay(Date.parse('2026-03-29T12:00:00+02:00'), 'Europe/Stockholm')).toBe(Date.parse('2026-03-29T00:00:00+01:00'));
    // Fall back: the day began at 00:00 CEST, before the clocks went back.
    expect(startOfLocalDay(Date.parse('2026-10-25T12:00:00+01:00'), 'Europe/Warsaw')).toBe(Date.parse('2026-10-25T00:00:00+02:00'));
    expect(startOfLocalDay(Date.parse('2026-10-25T00:30:00+03:00'), 'Europe/Athens')).toBe(Date.parse('2026-10-25T00:00:00+03:00'));
  });
});
