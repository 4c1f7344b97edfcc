import { LANGUAGES, type Language } from '../../shared/languages';
import type { EnrolAnswer } from '../../shared/sync/fleet';
import type { Location, Settings } from '../../shared/sync/entities';

/**
 * The chain's look on its pillars. The reference HQ serves one chain (the demo's): a retailer's HQ takes
 * its own name and accent here. The accent must carry white text at WCAG AA (the pillar's config checks).
 */
export const CHAIN_BRANDING: EnrolAnswer['branding'] = { name: 'NORRVIK', accent: '#1f4d3a' };

/** The locale a store's country writes dates and money in; other countries get English with their region. */
const LOCALES: Readonly<Record<string, string>> = {
  SE: 'sv-SE',
  NO: 'nb-NO',
  DK: 'da-DK',
  FI: 'fi-FI',
  DE: 'de-DE',
  AT: 'de-AT',
  PL: 'pl-PL',
  GR: 'el-GR',
  CY: 'el-CY',
  GB: 'en-GB',
  IE: 'en-IE',
};

/** The shopper language a store's country speaks, when the pillar has it. */
const COUNTRY_LANGUAGE: Readonly<Record<string, Language>> = { SE: 'sv', PL: 'pl', GR: 'el', CY: 'el', GB: 'en', IE: 'en' };

/**
 * What a pillar of this store writes into its configuration: the store's name and time zone as HQ
 * publishes them, the country's locale, the currency its prices are in (the chain's, or the country's
 * where the settings name another), every language the pillar speaks, starting in the country's own.
 */
export function storeProfile(location: Location, settings: Settings | null): EnrolAnswer['store'] {
  const currency = settings?.shipping.byCountry[location.country]?.currency ?? settings?.shipping.currency ?? 'SEK';
  return {
    id: location.code,
    name: location.name,
    locale: LOCALES[location.country] ?? `en-${location.country}`,
    currency,
    timeZone: location.timeZone,
    defaultLanguage: COUNTRY_LANGUAGE[location.country] ?? 'en',
    languages: [...LANGUAGES],
  };
}
