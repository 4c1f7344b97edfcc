import type { Logger } from 'pino';
import { type DemoLocation, type DemoProduct, type DemoRelatedRow, type DemoScale, demoChain } from '../resources/demo/generator';
import type { Location, Offer, Product, Settings, StockTuple } from '../shared/sync/entities';
import { publicHolidays, shippingByCountry } from './demoCountries';
import { demoStaffSettings } from './staff/demoStaff';
import type { HqStore } from './store/store';

/** Products per publish: big enough to amortise a transaction, small enough to never hold the chain in memory. */
const PRODUCTS_PER_PUBLISH = 2_000;
const DAY = 86_400_000;

export interface DemoCounts {
  products: number;
  variants: number;
  stockLevels: number;
  locations: number;
}

/**
 * Publishes the NORRVIK demo chain (resources/demo/generator.ts) through the store's ordinary writes, as
 * a retailer's systems would: locations, categories, colours, products with their relations, the stock
 * of every location, default settings and two demo offers. Streams: products go in batches and stock as
 * one stream, so the full chain (100k products, ~17M levels) never sits in memory.
 *
 * Meant for an empty store (the server loads it only into one). It is several writes, not one: a
 * failure part-way leaves part of the chain, which loading again completes.
 */
export async function loadDemo(store: HqStore, options: { scale: DemoScale; now?: number; log?: Logger }): Promise<DemoCounts> {
  const started = performance.now();
  const now = options.now ?? Date.now();
  const chain = demoChain({ scale: options.scale, now });
  const counts: DemoCounts = { products: 0, variants: 0, stockLevels: 0, locations: chain.locations.length };

  await store.publishCatalog({
    locations: chain.locations.map(toLocation),
    categories: chain.categories.map(({ id, sort, names }) => ({ id, sort, names: { ...names } })),
    colours: chain.colours.map(({ code, hex, names }) => ({ code, hex, names: { ...names } })),
  });

  let batch: Product[] = [];
  for (const product of withRelations(chain.products(), chain.related())) {
    batch.push(product);
    counts.products++;
    counts.variants += product.variants.length;
    if (batch.length === PRODUCTS_PER_PUBLISH) {
      await store.publishCatalog({ products: batch });
      batch = [];
    }
  }
  if (batch.length > 0) await store.publishCatalog({ products: batch });
  options.log?.info({ products: counts.products, ms: Math.round(performance.now() - started) }, 'demo catalog published');

  await store.importStock(
    (function* levels(): Generator<StockTuple> {
      for (const row of chain.stock()) {
        counts.stockLevels++;
        yield [row.sku, row.locationCode, row.quantity, row.changedAt];
      }
    })(),
  );

  const countries = new Set(chain.locations.filter((location) => location.kind === 'store').map((location) => location.country));
  await store.putSettings(demoSettings(now, countries));
  for (const offer of demoOffers(now)) await store.putOffer(offer);
  options.log?.info({ scale: options.scale, ...counts, ms: Math.round(performance.now() - started) }, 'demo chain loaded');
  return counts;
}

function toLocation(l: DemoLocation): Location {
  return {
    code: l.code,
    kind: l.kind,
    name: l.name,
    address: l.address,
    postalCode: l.postalCode,
    city: l.city,
    country: l.country,
    lat: l.lat,
    lon: l.lon,
    timeZone: l.timeZone,
    phone: l.phone,
    openingHours: l.openingHours.map((hours) => (hours ? [hours[0], hours[1]] : null)),
  };
}

/** Joins the two streams the generator yields in the same product order: each product with its relation rows. */
function* withRelations(products: Iterable<DemoProduct>, related: Iterable<DemoRelatedRow>): Generator<Product> {
  const rows = related[Symbol.iterator]();
  let next = rows.next();
  for (const p of products) {
    const relations: Product['related'] = [];
    while (!next.done && next.value.styleCode === p.styleCode) {
      relations.push({ kind: next.value.kind, styleCode: next.value.relatedStyleCode, score: next.value.score });
      next = rows.next();
    }
    yield {
      styleCode: p.styleCode,
      brand: p.brand,
      categoryId: p.categoryId,
      priceMinor: p.priceMinor,
      currency: p.currency,
      ratingAvg: p.ratingAvg,
      ratingCount: p.ratingCount,
      popularity: p.popularity,
      images: p.images,
      texts: p.texts,
      variants: p.variants,
      related: relations,
    };
  }
}

/**
 * What a Swedish fashion chain would set: free delivery when the size is missing in the store, otherwise
 * 49 kr unless the order reaches 499 kr (the same in local money where its stores take another currency);
 * next-day dispatch before 15:00; carriers 1–3 days, two more in December, none on the public holidays
 * of this year and next in each country it has stores in; holds for 48 hours; 30 days of free returns in
 * any store or by post; the demo staff (`staff/demoStaff.ts`), signed out after two idle minutes.
 */
export function demoSettings(now: number, countries: Iterable<string> = ['SE']): Settings {
  const year = new Date(now).getUTCFullYear();
  const storeCountries = [...new Set(countries)].sort();
  return {
    shipping: { freeWhenMissingInStore: true, feeMinor: 4_900, freeAboveMinor: 49_900, currency: 'SEK', byCountry: shippingByCountry(storeCountries, 'SEK') },
    delivery: {
      warehouseLeadDays: 1,
      cutoff: '15:00',
      carrierDays: { min: 1, max: 3 },
      peaks: [year, year + 1].map((y) => ({ from: `${y}-12-01`, to: `${y}-12-31`, extraDays: 2 })),
      holidays: Object.fromEntries(storeCountries.map((country) => [country, publicHolidays(country, [year, year + 1])])),
    },
    holds: { hours: 48 },
    returns: { days: 30, free: true, inStore: true, byPost: true },
    checkout: { confirmationResetSeconds: 60 },
    staff: demoStaffSettings(),
  };
}

/** A check-in offer at the flagship and a chain-wide deal of the day, running from a month ago to a year ahead. */
export function demoOffers(now: number): Offer[] {
  const schedule = { start: `${isoDate(now - 30 * DAY)}T00:00:00`, end: `${isoDate(now + 365 * DAY)}T23:59:59` };
  return [
    {
      id: 'demo-check-in-drottninggatan',
      kind: 'check-in',
      stores: ['se-sto-drottninggatan'],
      schedule,
      texts: {
        en: {
          title: 'Check in, get 10% off',
          body: 'Check in at NORRVIK Drottninggatan on Instagram and show it at the till: 10% off what you buy today.',
          terms: 'One check-in per customer and day. Cannot be combined with other offers. Valid in this store only.',
        },
        sv: {
          title: 'Checka in – få 10 % rabatt',
          body: 'Checka in på NORRVIK Drottninggatan på Instagram och visa det i kassan: 10 % rabatt på det du köper i dag.',
          terms: 'En incheckning per kund och dag. Kan inte kombineras med andra erbjudanden. Gäller endast i denna butik.',
        },
        pl: {
          title: 'Zamelduj się i zyskaj 10% rabatu',
          body: 'Zamelduj się w NORRVIK Drottninggatan na Instagramie i pokaż to przy kasie: 10% rabatu na dzisiejsze zakupy.',
          terms: 'Jedno zameldowanie na klienta dziennie. Nie łączy się z innymi ofertami. Ważne tylko w tym sklepie.',
        },
        el: {
          title: 'Κάντε check-in, κερδίστε 10% έκπτωση',
          body: 'Κάντε check-in στο NORRVIK Drottninggatan στο Instagram και δείξτε το στο ταμείο: 10% έκπτωση στις σημερινές σας αγορές.',
          terms: 'Ένα check-in ανά πελάτη και ημέρα. Δεν συνδυάζεται με άλλες προσφορές. Ισχύει μόνο σε αυτό το κατάστημα.',
        },
      },
      discount: { percent: 10 },
      // The reserved .example domain: the demo never sends anyone to a real account.
      checkIn: { platform: 'instagram', action: 'check-in', url: 'https://norrvik.example/instagram/drottninggatan' },
    },
    {
      id: 'demo-today-knitwear',
      kind: 'today-only',
      stores: [],
      schedule,
      texts: {
        en: {
          title: 'Today only: 20% off knitwear',
          body: 'All knitwear is 20% off today, in every NORRVIK store and for home delivery ordered here.',
          terms: 'Valid today only, while stocks last. Cannot be combined with other offers.',
        },
        sv: {
          title: 'Endast i dag: 20 % på stickat',
          body: 'Allt stickat är 20 % billigare i dag, i alla NORRVIK-butiker och för hemleverans som beställs här.',
          terms: 'Gäller endast i dag, så långt lagret räcker. Kan inte kombineras med andra erbjudanden.',
        },
        pl: {
          title: 'Tylko dziś: swetry 20% taniej',
          body: 'Wszystkie swetry są dziś 20% tańsze, we wszystkich sklepach NORRVIK i przy dostawie do domu zamówionej tutaj.',
          terms: 'Ważne tylko dziś, do wyczerpania zapasów. Nie łączy się z innymi ofertami.',
        },
        el: {
          title: 'Μόνο σήμερα: 20% έκπτωση στα πλεκτά',
          body: 'Όλα τα πλεκτά έχουν σήμερα 20% έκπτωση, σε όλα τα καταστήματα NORRVIK και για παράδοση στο σπίτι με παραγγελία από εδώ.',
          terms: 'Ισχύει μόνο σήμερα, έως εξαντλήσεως των αποθεμάτων. Δεν συνδυάζεται με άλλες προσφορές.',
        },
      },
      discount: { percent: 20, categories: ['knitwear'] },
    },
  ];
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
