import Holidays from 'date-holidays';
import type { Settings } from '../shared/sync/entities';

/**
 * What the demo settings know per country: its public holidays (from date-holidays, which keeps the
 * rules of each country's holiday law, moving feasts included) and the home-delivery fee a chain would
 * set there in the local currency.
 */

/**
 * The public holidays of `country` (ISO 3166-1 alpha-2) in these years, as local dates, sorted: days off
 * by law only — not observances, bank holidays or school days, on which carriers still deliver. None for
 * a country date-holidays does not know.
 */
export function publicHolidays(country: string, years: readonly number[]): string[] {
  const calendar = new Holidays(country);
  const dates = new Set<string>();
  for (const year of years) {
    for (const holiday of calendar.getHolidays(year)) if (holiday.type === 'public') dates.add(holiday.date.slice(0, 10));
  }
  return [...dates].sort();
}

type CountryShipping = Settings['shipping']['byCountry'][string];

/**
 * Home delivery outside Sweden, in the country's own currency, at about the Swedish level (49 kr, free
 * from 499 kr): rounded to the prices people there are used to seeing.
 */
const SHIPPING: Readonly<Record<string, CountryShipping>> = {
  NO: { feeMinor: 6_900, freeAboveMinor: 59_900, currency: 'NOK' },
  DK: { feeMinor: 3_900, freeAboveMinor: 39_900, currency: 'DKK' },
  FI: { feeMinor: 495, freeAboveMinor: 4_900, currency: 'EUR' },
  DE: { feeMinor: 495, freeAboveMinor: 4_900, currency: 'EUR' },
  PL: { feeMinor: 1_499, freeAboveMinor: 19_900, currency: 'PLN' },
  GR: { feeMinor: 395, freeAboveMinor: 4_900, currency: 'EUR' },
};

/** The shipping policy of each of these countries that does not pay in `homeCurrency` (and that the demo knows). */
export function shippingByCountry(countries: Iterable<string>, homeCurrency: string): Settings['shipping']['byCountry'] {
  const byCountry: Settings['shipping']['byCountry'] = {};
  for (const country of countries) {
    const policy = SHIPPING[country];
    if (policy && policy.currency !== homeCurrency) byCountry[country] = { ...policy };
  }
  return byCountry;
}
