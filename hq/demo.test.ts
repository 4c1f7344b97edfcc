import { afterEach, describe, expect, it } from 'vitest';
import { Settings } from '../shared/sync/entities';
import { demoSettings, loadDemo } from './demo';
import { tempStore, type TestStore } from './store/testFixtures';

const MID_2026 = Date.UTC(2026, 5, 1);

describe('demo settings', () => {
  it("hold Sweden's public holidays for this year and next, and not the eves and observances carriers work on", () => {
    const settings = Settings.parse(demoSettings(MID_2026));
    const se = settings.delivery.holidays['SE'] ?? [];
    // New Year, Good Friday, Easter Monday, Ascension, National Day, Midsummer Day, All Saints' Day, Christmas — both years.
    for (const day of ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-14', '2026-06-06', '2026-06-20', '2026-10-31', '2026-12-25', '2027-03-26', '2027-12-26']) {
      expect(se, day).toContain(day);
    }
    for (const day of ['2026-06-19', '2026-12-24', '2026-12-31', '2026-02-14']) expect(se, day).not.toContain(day);
    expect(se).toEqual([...se].sort());
    expect(se.every((day) => day.startsWith('2026') || day.startsWith('2027'))).toBe(true);
    expect(Object.keys(settings.delivery.holidays)).toEqual(['SE']);
    // Every store of the demo chain is Swedish: no other currency to set a fee in.
    expect(settings.shipping.byCountry).toEqual({});
  });

  it("a chain with stores abroad gets each country's holidays and a fee in its own currency", () => {
    const settings = Settings.parse(demoSettings(MID_2026, ['SE', 'PL', 'GR', 'SE']));
    expect(Object.keys(settings.delivery.holidays)).toEqual(['GR', 'PL', 'SE']);
    expect(settings.delivery.holidays['PL']).toContain('2026-11-11');
    expect(settings.delivery.holidays['GR']).toContain('2026-03-25');
    expect(settings.shipping.byCountry).toEqual({
      PL: { feeMinor: 1_499, freeAboveMinor: 19_900, currency: 'PLN' },
      GR: { feeMinor: 395, freeAboveMinor: 4_900, currency: 'EUR' },
    });
  });

  describe('loaded into a store', () => {
    let s: TestStore;
    afterEach(() => s.cleanup());

    it('publish the holidays of the countries the chain has stores in, and the two offers with their coupon pools', { timeout: 60_000 }, async () => {
      s = await tempStore({ chain: false });
      await loadDemo(s.store, { scale: 'demo', now: MID_2026 });
      const { settings } = await s.store.regionState((await s.store.region('se-sto-drottninggatan'))!);
      expect(Object.keys(settings?.delivery.holidays ?? {})).toEqual(['SE']);
      expect(settings?.delivery.holidays['SE']).toContain('2027-01-06');
      const pools = (await s.store.couponPools()).map(({ offerId, kind, minted, unassigned }) => ({ offerId, kind, minted, unassigned }));
      expect(pools).toEqual([
        { offerId: 'demo-check-in-drottninggatan', kind: 'check-in', minted: 2000, unassigned: 2000 },
        { offerId: 'demo-today-knitwear', kind: 'today-only', minted: 2000, unassigned: 2000 },
      ]);
    });
  });
});
