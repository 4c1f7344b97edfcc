import { randomInt, randomUUID } from 'node:crypto';
import type { HelpSubmission, OrderLine, OrderSubmission, RatingSubmission } from '../../shared/sync/upstream';
import type { RunningHq } from '../server';

/** Test support: orders built from what HQ really sells, as a pillar would send them. */

export interface CatalogPick {
  sku: string;
  styleCode: string;
  priceMinor: number;
}

/** The personal data every fixture order carries, so tests can look for it where it must never be. */
export const SHOPPER = {
  name: 'Astrid Lindqvist-Öberg',
  phone: '+46701234567',
  email: 'astrid.lindqvist@example.se',
  line1: 'Sveavägen 44 lgh 1102',
  postalCode: '111 34',
  city: 'Stockholm',
  safePlace: 'Behind the blue door by the bicycle shed',
} as const;

/** `count` SKUs of different styles that HQ sells, with their prices. */
export async function pickSkus(hq: RunningHq, store: string, count = 2): Promise<CatalogPick[]> {
  const region = await hq.store.region(store);
  if (!region) throw new Error(`no region for ${store}`);
  const { products } = await hq.store.regionState(region);
  return products
    .filter((product) => product.variants.length > 0)
    .slice(0, count)
    .map((product) => ({ sku: product.variants[0]?.sku ?? '', styleCode: product.styleCode, priceMinor: product.priceMinor }));
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function orderCode(): string {
  const part = () => Array.from({ length: 4 }, () => CROCKFORD[randomInt(32)]).join('');
  return `${part()}-${part()}`;
}

/**
 * An order of the first pick for home delivery and the second (if any) held at `hold` (or taken in the
 * store), with the shopper above and a quote that adds up.
 */
export function orderOf(picks: readonly CatalogPick[], options: { store: string; hold?: string; payment?: 'till' | 'phone'; shippingMinor?: number }): OrderSubmission {
  const lines: OrderLine[] = picks.map((pick, index) => ({
    sku: pick.sku,
    styleCode: pick.styleCode,
    quantity: index + 1,
    unitPriceMinor: pick.priceMinor,
    fulfilment: index === 0 ? { kind: 'delivery' } : options.hold ? { kind: 'hold', store: options.hold } : { kind: 'in-store' },
  }));
  const itemsMinor = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  const shippingMinor = options.shippingMinor ?? 0;
  const placedAt = Date.now();
  return {
    id: randomUUID(),
    code: orderCode(),
    store: options.store,
    placedAt,
    language: 'sv',
    lines,
    contact: { name: SHOPPER.name, phone: SHOPPER.phone, email: SHOPPER.email },
    address: { line1: SHOPPER.line1, postalCode: SHOPPER.postalCode, city: SHOPPER.city, country: 'SE' },
    delivery: { day: null, sms: true, safePlace: SHOPPER.safePlace },
    marketingConsent: false,
    payment: options.payment ?? 'till',
    quote: {
      itemsMinor,
      shippingMinor,
      totalMinor: itemsMinor + shippingMinor,
      currency: 'SEK',
      delivery: { from: '2030-03-04', to: '2030-03-06' },
      holds: options.hold ? [{ store: options.hold, until: placedAt + 48 * 3_600_000 }] : [],
    },
  };
}

export function ratingOf(store: string, orderId?: string): RatingSubmission {
  return { id: randomUUID(), store, stars: 5, comment: `Lovely help from the staff, thanks from ${SHOPPER.name}`, language: 'sv', at: Date.now(), ...(orderId ? { orderId } : {}) };
}

export function helpOf(store: string): HelpSubmission {
  return { id: randomUUID(), store, at: Date.now(), screen: 'checkout' };
}
