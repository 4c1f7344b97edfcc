import type { BagLine, FulfilmentOption, LineProblem, QuoteOutput, QuotedLine } from '../../../shared/api/orders';
import type { StoresOutput } from '../../../shared/api/shopper';
import type { Language } from '../../../shared/languages';
import type { Settings } from '../../../shared/sync/entities';
import { KioskError } from '../api/errors';
import type { Catalog } from '../catalog/catalog';
import type { Db } from '../db/open';
import { deliveryWindow, type DeliveryWindow } from './deliveryDates';
import { readSettings, shippingFor, type SettingsSource } from './settings';

/** What the orders code needs to know about the pillar's store (from the cache's locations). */
export interface StoreFacts {
  code: string;
  name: string;
  country: string;
  timeZone: string;
}

/** Everything a quote reads, at one moment. */
export interface QuoteContext {
  catalog: Catalog;
  cache: Db;
  storeCode: string;
  now: number;
}

/** A quote with what placing the order needs beyond what the shopper sees. */
export interface Quoted {
  output: QuoteOutput;
  settings: Settings;
  settingsSource: SettingsSource;
  store: StoreFacts;
  window: DeliveryWindow | null;
}

export function storeFacts(cache: Db, code: string): StoreFacts {
  const row = cache.prepare('SELECT code, name, country, time_zone FROM locations WHERE code = ?').get(code) as
    | { code: string; name: string; country: string; time_zone: string }
    | undefined;
  if (!row) throw new KioskError('UNAVAILABLE', 'This store is not in the cached catalog yet');
  return { code: row.code, name: row.name, country: row.country, timeZone: row.time_zone };
}

/**
 * Prices the bag and checks every line against the cache, as it is now: each line's price, name, colour,
 * size and image in the shopper's language; how many can be had for its fulfilment (home delivery from
 * the online warehouse, a hold at that store, or this store's floor) and what is wrong if that is not
 * enough; every way the variant can be had instead; shipping by HQ's policy; the delivery window; holds;
 * returns. Stock comes from the catalog (`stores`), never from a query of its own.
 */
export function quote(ctx: QuoteContext, bag: readonly BagLine[], lang: Language): Quoted {
  const { settings, source: settingsSource } = readSettings(ctx.cache, ctx.now);
  const store = storeFacts(ctx.cache, ctx.storeCode);
  const holdUntil = ctx.now + settings.holds.hours * 3_600_000;
  const shipping = shippingFor(settings, store.country);

  // Two lines of one variant from one source share its stock: the later line gets what the earlier left.
  const claimed = new Map<string, number>();
  const missingHere: boolean[] = [];
  const lines: (QuotedLine & { currency: string })[] = bag.map((line) => {
    const found = variantOf(ctx.catalog, line.sku, lang);
    if (!found) {
      missingHere.push(false);
      return discontinued(line);
    }
    const { variant, stock } = found;
    const here = stock.stores.find((s) => s.here)?.quantity ?? 0;
    missingHere.push(here === 0);
    const key = `${line.sku} ${sourceOf(line)}`;
    const total = availableFor(line, stock);
    const available = Math.max(0, total - (claimed.get(key) ?? 0));
    claimed.set(key, (claimed.get(key) ?? 0) + line.quantity);
    const problem: LineProblem | undefined = available === 0 ? 'unavailable' : available < line.quantity ? 'fewer' : undefined;
    const deliveryFree =
      (here === 0 && shipping.freeWhenMissingInStore) || shipping.feeMinor === 0 || (shipping.freeAboveMinor !== null && variant.unitPriceMinor >= shipping.freeAboveMinor);
    return {
      ...variant,
      quantity: line.quantity,
      fulfilment: line.fulfilment,
      available,
      ...(problem ? { problem } : {}),
      options: optionsOf(stock, here, deliveryFree, holdUntil),
    };
  });

  const priced = lines.filter((line) => line.problem !== 'discontinued');
  const currencies = new Set(priced.map((line) => line.currency));
  if (currencies.size > 1) throw new KioskError('UNAVAILABLE', `The bag mixes prices in ${[...currencies].join(' and ')}`);
  const currency = [...currencies][0] ?? shipping.currency;
  const itemsMinor = priced.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);

  const delivered = lines.map((line, index) => ({ line, missingHere: missingHere[index] === true })).filter(({ line }) => line.fulfilment.kind === 'delivery');
  let shippingMinor = 0;
  let shippingReason: QuoteOutput['shippingReason'] = 'none';
  if (delivered.length > 0) {
    if (shipping.freeWhenMissingInStore && delivered.some((d) => d.missingHere && d.line.problem !== 'discontinued')) shippingReason = 'free-missing-here';
    else if (shipping.freeAboveMinor !== null && itemsMinor >= shipping.freeAboveMinor) shippingReason = 'free-above-threshold';
    else {
      shippingReason = 'fee';
      shippingMinor = shipping.feeMinor;
      // A fee in another currency than the prices cannot be added up honestly: HQ's settings need fixing.
      if (shippingMinor > 0 && shipping.currency !== currency) {
        throw new KioskError('UNAVAILABLE', `The shipping fee is set in ${shipping.currency} but prices are in ${currency}`);
      }
    }
  }

  const window = delivered.length > 0 ? deliveryWindow(ctx.now, settings.delivery, store) : null;
  const holds = [...new Set(bag.flatMap((line) => (line.fulfilment.kind === 'hold' ? [line.fulfilment.store] : [])))].map((code) => ({
    store: code,
    name: locationName(ctx.cache, code),
    until: holdUntil,
  }));

  const output: QuoteOutput = {
    lines: lines.map(({ currency: _currency, ...line }) => line),
    currency,
    itemsMinor,
    shippingMinor,
    totalMinor: itemsMinor + shippingMinor,
    shippingReason,
    ...(window ? { delivery: { from: window.from, to: window.to, choosableDays: window.choosableDays, extended: window.extended } } : {}),
    holds,
    returns: settings.returns,
    ready: lines.every((line) => line.problem === undefined),
  };
  return { output, settings, settingsSource, store, window };
}

type VariantFacts = Pick<QuotedLine, 'sku' | 'styleCode' | 'name' | 'brand' | 'colour' | 'size' | 'image' | 'unitPriceMinor'> & { currency: string };

/** A variant's description and price in the shopper's language, and where it is stocked; null when HQ no longer sells it. */
export function variantOf(catalog: Catalog, sku: string, lang: Language): { variant: VariantFacts; stock: StoresOutput } | null {
  let ref: ReturnType<Catalog['bySku']>;
  try {
    ref = catalog.bySku(sku);
  } catch (error) {
    if (error instanceof KioskError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  const product = catalog.product(ref.styleCode, lang);
  const colour = product.colours.find((c) => c.code === ref.colourCode) ?? { code: ref.colourCode, hex: '#999999', name: ref.colourCode };
  return {
    variant: {
      sku,
      styleCode: ref.styleCode,
      name: product.name,
      brand: product.brand,
      colour,
      size: ref.size,
      image: product.images[ref.colourCode]?.[0] ?? product.image,
      unitPriceMinor: product.price.minor,
      currency: product.price.currency,
    },
    stock: catalog.stores(sku),
  };
}

/** A line whose SKU left the catalog: only what the bag itself says is known. */
function discontinued(line: BagLine): QuotedLine & { currency: string } {
  return {
    sku: line.sku,
    // The style is unknown once the SKU is gone; the UI still holds what it showed for the line.
    styleCode: line.sku,
    name: '',
    brand: '',
    colour: { code: '', hex: '#999999', name: '' },
    size: '',
    image: null,
    quantity: line.quantity,
    unitPriceMinor: 0,
    currency: '',
    fulfilment: line.fulfilment,
    available: 0,
    problem: 'discontinued',
    options: [],
  };
}

function sourceOf(line: BagLine): string {
  return line.fulfilment.kind === 'hold' ? `hold:${line.fulfilment.store}` : line.fulfilment.kind;
}

function availableFor(line: BagLine, stock: StoresOutput): number {
  const fulfilment = line.fulfilment;
  switch (fulfilment.kind) {
    case 'delivery':
      return stock.online;
    case 'in-store':
      return stock.stores.find((s) => s.here)?.quantity ?? 0;
    case 'hold':
      // Holds are for the other stores of the region; this store's own stock is "in this store".
      return stock.stores.find((s) => !s.here && s.code === fulfilment.store)?.quantity ?? 0;
  }
}

/**
 * Every way to get the variant now, best first: from this store's floor at once; home delivery when it
 * is free (the door beats a trip to another store); held at a nearby store, nearest first; home delivery
 * with a fee last.
 */
function optionsOf(stock: StoresOutput, here: number, deliveryFree: boolean, holdUntil: number): FulfilmentOption[] {
  const options: FulfilmentOption[] = [];
  if (here > 0) options.push({ kind: 'in-store', available: here });
  const delivery: FulfilmentOption | null = stock.online > 0 ? { kind: 'delivery', free: deliveryFree, available: stock.online } : null;
  if (delivery && deliveryFree) options.push(delivery);
  for (const store of stock.stores) {
    if (store.here) continue;
    options.push({ kind: 'hold', store: store.code, name: store.name, city: store.city, distanceKm: store.distanceKm, openNow: store.openNow, available: store.quantity, until: holdUntil });
  }
  if (delivery && !deliveryFree) options.push(delivery);
  return options;
}

/** A store's name from the cache's locations (its code, should HQ have closed it). */
function locationName(cache: Db, code: string): string {
  const row = cache.prepare('SELECT name FROM locations WHERE code = ?').get(code) as { name: string } | undefined;
  return row?.name ?? code;
}
