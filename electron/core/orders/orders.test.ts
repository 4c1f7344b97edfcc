import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QuoteOutput } from '../../../shared/api/orders';
import type { CheckoutDetails } from './details';
import { ORDER_CODE, OrderSubmission, RatingSubmission } from '../../../shared/sync/upstream';
import { META } from '../sync/apply';
import { defaultSettings } from './settings';
import { demoCacheTemplate, findVariant, ordersFixture, type OrdersFixture } from './testing';

let template: { file: string; cleanup: () => void };
let f: OrdersFixture;
beforeAll(() => {
  template = demoCacheTemplate();
}, 60_000);
afterAll(() => template.cleanup());
beforeEach(() => {
  f = ordersFixture(template.file);
});
afterEach(() => f.close());

const SHOPPER: CheckoutDetails = {
  contact: { name: '  Anna Lindqvist ', phone: '070-123 45 67', email: 'anna.lindqvist@example.se' },
  address: { line1: 'Sveavägen 12', postalCode: '11157', city: 'Stockholm' },
  delivery: { day: null, sms: true, safePlace: 'Behind the blue door' },
  marketingConsent: false,
};

const missingHere = (): ReturnType<typeof findVariant> => findVariant(f.catalog, (v) => v.here === 0 && v.online >= 2);
const count = (table: string): number => f.local.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const withSettings = (change: (settings: ReturnType<typeof defaultSettings>) => void): void => {
  const settings = defaultSettings(f.clock.now);
  change(settings);
  f.cache.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(META.settings, JSON.stringify(settings));
};

describe('orders.quote', () => {
  it('a size missing here, delivered home: free shipping, its window, names in the shopper’s language, and every way to get it', () => {
    const variant = missingHere();
    const quote = f.orders.quote({ lines: [{ sku: variant.sku, quantity: 1, fulfilment: { kind: 'delivery' } }], lang: 'sv' });
    expect(quote).toMatchObject({ ready: true, shippingMinor: 0, shippingReason: 'free-missing-here', itemsMinor: variant.priceMinor, totalMinor: variant.priceMinor, currency: 'SEK' });
    expect(quote.returns).toEqual({ days: 30, free: true, inStore: true, byPost: true });
    expect(quote.delivery?.from).toBe(quote.delivery?.choosableDays[0]);
    expect(quote.delivery!.to >= quote.delivery!.from).toBe(true);
    const [line] = quote.lines;
    expect(line).toMatchObject({ sku: variant.sku, styleCode: variant.styleCode, name: f.catalog.product(variant.styleCode, 'sv').name, size: variant.size, available: variant.online });
    expect(line!.problem).toBeUndefined();
    expect(line!.colour.code).toBe(variant.colourCode);
    // Free delivery leads (nothing here to take now), then the nearby stores nearest first.
    expect(line!.options[0]).toEqual({ kind: 'delivery', free: true, available: variant.online });
    const holds = line!.options.filter((o) => o.kind === 'hold');
    expect(holds.map((o) => o.store)).toEqual(variant.nearby.map((s) => s.code));
    expect(holds.every((o) => o.until === f.clock.now + 48 * 3_600_000)).toBe(true);
  });

  it('a size in stock here, delivered home: the fee below the threshold, free above it', () => {
    const variant = findVariant(f.catalog, (v, price) => v.here > 0 && v.online >= 2 && price < 49_900);
    const one = f.orders.quote({ lines: [{ sku: variant.sku, quantity: 1, fulfilment: { kind: 'delivery' } }], lang: 'en' });
    expect(one).toMatchObject({ shippingMinor: 4_900, shippingReason: 'fee', totalMinor: variant.priceMinor + 4_900 });
    expect(one.lines[0]!.options[0]).toEqual({ kind: 'in-store', available: variant.here });
    expect(one.lines[0]!.options.at(-1)).toMatchObject({ kind: 'delivery', free: false });
    const two = f.orders.quote({ lines: [{ sku: variant.sku, quantity: 2, fulfilment: { kind: 'delivery' } }], lang: 'en' });
    expect(two).toMatchObject({ shippingMinor: 0, shippingReason: 'free-above-threshold', totalMinor: 2 * variant.priceMinor });
  });

  it('HQ’s settings in the cache apply, with the store country’s own shipping policy', () => {
    withSettings((s) => {
      s.shipping.byCountry = { SE: { feeMinor: 2_900, freeAboveMinor: null, currency: 'SEK' } };
      s.returns = { days: 60, free: false, inStore: true, byPost: false };
      s.holds.hours = 24;
    });
    const variant = findVariant(f.catalog, (v) => v.here > 0 && v.online > 0 && v.nearby.length > 0);
    const quote = f.orders.quote({
      lines: [
        { sku: variant.sku, quantity: 1, fulfilment: { kind: 'delivery' } },
        { sku: variant.sku, quantity: 1, fulfilment: { kind: 'hold', store: variant.nearby[0]!.code } },
      ],
      lang: 'en',
    });
    expect(quote).toMatchObject({ shippingMinor: 2_900, shippingReason: 'fee', returns: { days: 60, free: false } });
    expect(quote.holds).toEqual([{ store: variant.nearby[0]!.code, name: variant.nearby[0]!.name, until: f.clock.now + 24 * 3_600_000 }]);
  });

  it('settings a newer HQ wrote in a shape this pillar cannot read: the defaults apply rather than half of them', () => {
    f.cache.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(META.settings, JSON.stringify({ shipping: { model: 'v2' } }));
    const variant = findVariant(f.catalog, (v, price) => v.here > 0 && v.online > 0 && price < 49_900);
    const quote = f.orders.quote({ lines: [{ sku: variant.sku, quantity: 1, fulfilment: { kind: 'delivery' } }], lang: 'en' });
    expect(quote).toMatchObject({ shippingMinor: 4_900, shippingReason: 'fee', returns: defaultSettings(f.clock.now).returns });
  });

  it('a quote with nothing delivered has no shipping and no window', () => {
    const variant = findVariant(f.catalog, (v) => v.here > 0);
    const quote = f.orders.quote({ lines: [{ sku: variant.sku, quantity: 1, fulfilment: { kind: 'in-store' } }], lang: 'en' });
    expect(quote).toMatchObject({ ready: true, shippingMinor: 0, shippingReason: 'none', holds: [] });
    expect(quote.delivery).toBeUndefined();
  });

  it('says plainly what cannot go ahead: fewer than asked, none at that store, two lines sharing one shelf, a SKU HQ dropped', () => {
    const variant = findVariant(f.catalog, (v) => v.nearby.length > 0 && v.nearby[0]!.quantity < 10 && v.here > 0 && v.here < 5);
    const elsewhere = f.catalog.stores(variant.sku);
    const without = ['se-sto-gotgatan', 'se-sto-taby', 'se-sto-mall-of-scandinavia', 'se-upp-forumgallerian'].find((code) => !elsewhere.stores.some((s) => s.code === code))!;
    const quote = f.orders.quote({
      lines: [
        { sku: variant.sku, quantity: 10, fulfilment: { kind: 'hold', store: variant.nearby[0]!.code } },
        { sku: variant.sku, quantity: 1, fulfilment: { kind: 'hold', store: without } },
        { sku: variant.sku, quantity: variant.here, fulfilment: { kind: 'in-store' } },
        { sku: variant.sku, quantity: 1, fulfilment: { kind: 'in-store' } },
        { sku: 'NV-NOPE-XX', quantity: 1, fulfilment: { kind: 'delivery' } },
      ],
      lang: 'en',
    });
    expect(quote.ready).toBe(false);
    expect(quote.lines.map((l) => [l.problem, l.available])).toEqual([
      ['fewer', variant.nearby[0]!.quantity],
      ['unavailable', 0],
      [undefined, variant.here],
      ['unavailable', 0],
      ['discontinued', 0],
    ]);
    // The dropped SKU adds nothing to the price.
    expect(quote.itemsMinor).toBe(variant.priceMinor * (10 + 1 + variant.here + 1));
  });

  it('is refused through the API for a bag that breaks the contract', async () => {
    const { createKiosk } = await import('../kiosk');
    const { capturingLogger, tempDir } = await import('../testing/fixtures');
    const dir = tempDir();
    const kiosk = createKiosk({ app: { name: 'Pillar', version: '0', runtime: 'preview' }, config: { source: 'demo' }, dataDir: dir.dir, log: capturingLogger().log, watchConfig: false });
    try {
      for (const lines of [[], [{ sku: 'X', quantity: 0, fulfilment: { kind: 'delivery' } }], [{ sku: 'X', quantity: 1, fulfilment: { kind: 'teleport' } }]]) {
        expect(await kiosk.dispatcher.dispatch('orders.quote', { lines, lang: 'en' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
    } finally {
      await kiosk.close();
      dir.cleanup();
    }
  });
});

describe('orders.checkDetails', () => {
  const delivered = (): { sku: string; quantity: number; fulfilment: { kind: 'delivery' } }[] => [{ sku: missingHere().sku, quantity: 1, fulfilment: { kind: 'delivery' } }];

  it('passes a Swedish shopper and shows the mobile number as it will be used', () => {
    expect(f.orders.checkDetails({ details: SHOPPER, lines: delivered() })).toEqual({ valid: true, problems: [], phoneDisplay: '+46 70 123 45 67' });
  });

  it('names each field to fix, by path, without quoting what was typed', () => {
    const result = f.orders.checkDetails({
      details: {
        contact: { name: '   ', phone: '', email: '' },
        address: { line1: '', postalCode: '1234', city: 'x'.repeat(61) },
        delivery: { day: '2020-01-01', sms: true },
        marketingConsent: false,
      },
      lines: delivered(),
    });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      { path: 'contact.name', problem: 'required' },
      { path: 'contact.phone', problem: 'required' },
      { path: 'contact.email', problem: 'required' },
      { path: 'address.line1', problem: 'required' },
      { path: 'address.postalCode', problem: 'invalid-postal-code' },
      { path: 'address.city', problem: 'too-long' },
      { path: 'delivery.day', problem: 'day-not-available' },
      { path: 'delivery.sms', problem: 'sms-needs-phone' },
    ]);
  });

  it('refuses a number that is no phone number, an e-mail without a domain, and text messages to a landline', () => {
    const bad = f.orders.checkDetails({ details: { ...SHOPPER, contact: { name: 'Anna', phone: '070-12', email: 'anna@' } }, lines: delivered() });
    expect(bad.problems).toEqual([
      { path: 'contact.phone', problem: 'invalid-phone' },
      { path: 'contact.email', problem: 'invalid-email' },
    ]);
    const landline = f.orders.checkDetails({ details: { ...SHOPPER, contact: { name: 'Anna', phone: '08-465 004 01' } }, lines: delivered() });
    expect(landline.problems).toEqual([{ path: 'delivery.sms', problem: 'sms-needs-phone' }]);
    expect(landline.phoneDisplay).toBe('+46 8 465 004 01');
    // Without text messages a landline is a fine way to reach someone.
    expect(f.orders.checkDetails({ details: { ...SHOPPER, contact: { name: 'Anna', phone: '08-465 004 01' }, delivery: { day: null, sms: false } }, lines: delivered() }).valid).toBe(true);
  });

  it('asks for no address when nothing is delivered, and accepts a day the quote offers', () => {
    const here = findVariant(f.catalog, (v) => v.here > 0);
    expect(f.orders.checkDetails({ details: { contact: { name: 'Anna', email: 'anna@example.se' }, marketingConsent: false }, lines: [{ sku: here.sku, quantity: 1, fulfilment: { kind: 'in-store' } }] }).valid).toBe(true);
    const quote = f.orders.quote({ lines: delivered(), lang: 'en' });
    const day = quote.delivery!.choosableDays.at(-1)!;
    expect(f.orders.checkDetails({ details: { ...SHOPPER, delivery: { day, sms: false } }, lines: delivered() }).valid).toBe(true);
    expect(f.orders.checkDetails({ details: SHOPPER, lines: delivered().map((l) => ({ ...l, quantity: 2 })) }).valid).toBe(true);
  });
});

describe('orders.place', () => {
  const bagOf = (sku: string): { sku: string; quantity: number; fulfilment: { kind: 'delivery' } }[] => [{ sku, quantity: 1, fulfilment: { kind: 'delivery' } }];
  const totalOf = (quote: QuoteOutput): number => quote.totalMinor;

  it('writes the order and its outbox row in one go and confirms it with a till code', () => {
    const variant = missingHere();
    const lines = bagOf(variant.sku);
    const seen = totalOf(f.orders.quote({ lines, lang: 'en' }));
    const placed = f.orders.place({ lines, lang: 'en', details: SHOPPER, payment: 'till', seenTotalMinor: seen });
    if (placed.state !== 'confirmed') throw new Error(`not confirmed: ${JSON.stringify(placed)}`);
    const order = placed.order;
    expect(order.code).toMatch(ORDER_CODE);
    expect(order).toMatchObject({ totalMinor: seen, shippingMinor: 0, payment: { kind: 'till', code: order.code }, delivered: false, resetAfterSeconds: 60 });
    expect(order.delivery).toMatchObject({ day: null });
    expect(f.queued()).toBe(1);

    const outbox = f.local.prepare('SELECT * FROM outbox').all() as { id: string; kind: string; payload: string; state: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ id: order.id, kind: 'order', state: 'pending' });
    const body = OrderSubmission.parse(JSON.parse(outbox[0]!.payload));
    expect(body).toMatchObject({
      id: order.id,
      code: order.code,
      store: 'se-sto-drottninggatan',
      contact: { name: 'Anna Lindqvist', phone: '+46701234567', email: 'anna.lindqvist@example.se' },
      address: { line1: 'Sveavägen 12', postalCode: '111 57', city: 'Stockholm', country: 'SE' },
      delivery: { day: null, sms: true, safePlace: 'Behind the blue door' },
      marketingConsent: false,
      payment: 'till',
      lines: [{ sku: variant.sku, styleCode: variant.styleCode, quantity: 1, unitPriceMinor: variant.priceMinor, fulfilment: { kind: 'delivery' } }],
      quote: { totalMinor: seen, delivery: { from: order.delivery!.from, to: order.delivery!.to } },
    });
    const row = f.local.prepare('SELECT personal, delivery_state FROM orders WHERE id = ?').get(order.id) as { personal: string; delivery_state: string };
    expect(JSON.parse(row.personal)).toMatchObject({ contact: { name: 'Anna Lindqvist' } });
    expect(row.delivery_state).toBe('pending');

    // Read back for the confirmation, in another language: the same order, its names in Greek.
    const again = f.orders.get(order.id, 'el');
    expect(again).toMatchObject({ id: order.id, code: order.code, totalMinor: seen });
    expect(again.lines[0]!.name).toBe(f.catalog.product(variant.styleCode, 'el').name);
  });

  it('pay on your phone: confirmed at once, the link null until HQ issues it', () => {
    const lines = bagOf(missingHere().sku);
    const placed = f.orders.place({ lines, lang: 'en', details: SHOPPER, payment: 'phone', seenTotalMinor: totalOf(f.orders.quote({ lines, lang: 'en' })) });
    expect(placed).toMatchObject({ state: 'confirmed', order: { payment: { kind: 'phone', url: null } } });
  });

  it('writes nothing when the total moved since the summary, and answers the new quote', () => {
    const lines = bagOf(missingHere().sku);
    const seen = totalOf(f.orders.quote({ lines, lang: 'en' }));
    const placed = f.orders.place({ lines, lang: 'en', details: SHOPPER, payment: 'till', seenTotalMinor: seen - 100 });
    expect(placed).toMatchObject({ state: 'changed', quote: { totalMinor: seen, ready: true } });
    expect(count('orders') + count('outbox')).toBe(0);
    expect(f.queued()).toBe(0);
  });

  it('writes nothing when stock moved since the summary: the line says it is gone', () => {
    const variant = missingHere();
    const lines = bagOf(variant.sku);
    const seen = totalOf(f.orders.quote({ lines, lang: 'en' }));
    // A sale online empties the warehouse's shelf for this variant (as a sync batch would).
    f.cache.prepare("DELETE FROM stock WHERE variant_id = (SELECT id FROM variants WHERE sku = ?) AND location_id = (SELECT id FROM locations WHERE kind = 'warehouse')").run(variant.sku);
    const placed = f.orders.place({ lines, lang: 'en', details: SHOPPER, payment: 'till', seenTotalMinor: seen });
    expect(placed).toMatchObject({ state: 'changed', quote: { ready: false, lines: [{ problem: 'unavailable', available: 0 }] } });
    expect(count('orders') + count('outbox')).toBe(0);
  });

  it('writes nothing when the details do not pass', () => {
    const lines = bagOf(missingHere().sku);
    const placed = f.orders.place({
      lines,
      lang: 'en',
      details: { ...SHOPPER, address: { line1: 'Sveavägen 12', postalCode: '00-950', city: 'Stockholm' } },
      payment: 'till',
      seenTotalMinor: totalOf(f.orders.quote({ lines, lang: 'en' })),
    });
    expect(placed).toEqual({ state: 'invalid', problems: [{ path: 'address.postalCode', problem: 'invalid-postal-code' }] });
    expect(count('orders') + count('outbox')).toBe(0);
  });

  it('gives every order its own code', () => {
    const lines = bagOf(missingHere().sku);
    const seen = totalOf(f.orders.quote({ lines, lang: 'en' }));
    const codes = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const placed = f.orders.place({ lines, lang: 'en', details: SHOPPER, payment: 'till', seenTotalMinor: seen });
      if (placed.state === 'confirmed') codes.add(placed.order.code);
    }
    expect(codes.size).toBe(50);
  });

  it('answers NOT_FOUND for an order this pillar never placed', () => {
    expect(() => f.orders.get('8d3c2a3e-8f55-4c1e-9a43-6a4b3bb0e2f1', 'en')).toThrow(/No order/);
  });
});

describe('ratings and complements', () => {
  it('keeps a rating with its outbox row; an order id the pillar does not know is dropped, not refused', () => {
    const { id } = f.orders.rate({ stars: 5, comment: '  Quick and kind  ', lang: 'sv', orderId: '8d3c2a3e-8f55-4c1e-9a43-6a4b3bb0e2f1' });
    const rating = f.local.prepare('SELECT * FROM ratings WHERE id = ?').get(id) as { stars: number; comment: string; order_id: string | null };
    expect(rating).toMatchObject({ stars: 5, comment: 'Quick and kind', order_id: null });
    const row = f.local.prepare('SELECT kind, payload FROM outbox WHERE id = ?').get(id) as { kind: string; payload: string };
    expect(row.kind).toBe('rating');
    expect(RatingSubmission.parse(JSON.parse(row.payload))).toMatchObject({ id, store: 'se-sto-drottninggatan', stars: 5, comment: 'Quick and kind', language: 'sv' });
    expect(f.queued()).toBe(1);
  });

  it('completes the look with products the shopper can get now (here or online), none in the bag, each once', () => {
    const bag = f.catalog.search({ text: 'jeans', lang: 'en', limit: 3, offset: 0 }).items.map((p) => p.styleCode);
    const cards = f.orders.complements({ styleCodes: bag, lang: 'en', limit: 6 });
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.length).toBeLessThanOrEqual(6);
    expect(new Set(cards.map((c) => c.styleCode)).size).toBe(cards.length);
    for (const card of cards) {
      expect(bag).not.toContain(card.styleCode);
      expect(f.catalog.availability(card.styleCode).variants.some((v) => v.here > 0 || v.online > 0)).toBe(true);
    }
    // The best complement of the first style in the bag leads.
    const first = f.catalog.related(bag[0]!, 'en', 'complement', 24).find((c) => !bag.includes(c.styleCode) && f.catalog.availability(c.styleCode).variants.some((v) => v.here > 0 || v.online > 0));
    expect(cards[0]!.styleCode).toBe(first?.styleCode);
  });
});
