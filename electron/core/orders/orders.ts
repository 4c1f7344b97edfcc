import { randomUUID } from 'node:crypto';
import type { ProductCard } from '../../../shared/api/catalog';
import type { MethodParsedInput } from '../../../shared/api/contract';
import type { CheckDetailsOutput, ConfirmedOrder, PlaceOutput, QuoteOutput, QuotedLine, Returns } from '../../../shared/api/orders';
import type { Language } from '../../../shared/languages';
import { OrderReceipt, OrderSubmission, RatingSubmission, type UpstreamKind } from '../../../shared/sync/upstream';
import { KioskError } from '../api/errors';
import type { Catalog } from '../catalog/catalog';
import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import type { DeliveryHooks } from '../outbox/outbox';
import type { OutboxStore } from '../outbox/store';
import { deliveryWindow } from './deliveryDates';
import { checkDetails, type CleanDetails } from './details';
import { mintOrderCode } from './orderCode';
import { quote, storeFacts, variantOf, type QuoteContext } from './quote';
import { readSettings } from './settings';

export interface OrdersOptions {
  local: Db;
  outbox: OutboxStore;
  /** The catalog and cache as they are now, and the clock; throws UNAVAILABLE while there is no catalog. */
  context: () => QuoteContext;
  /** This pillar's store, or null while the configuration is broken. */
  storeCode: () => string | null;
  now?: () => number;
  /** A row and its outbox row have just committed: the deliverer wakes, the UI hears of it. */
  onQueued: () => void;
  /** Where a word goes when HQ's cached settings cannot be read (the defaults are used meanwhile). */
  log?: Logger;
  /**
   * Staff mode (issue 8): the signed-in staff member, whose id an order placed now is marked as assisted
   * by; null outside staff mode. It comes from the core's session, never from the page's input.
   */
  staff?: () => { staffId: string } | null;
  /** An assisted order is being written: record it, inside the order's transaction. */
  onAssisted?: (order: { id: string; code: string; staffId: string; at: number }) => void;
}

interface OrderRow {
  id: string;
  code: string;
  placed_at: number;
  lang: Language;
  payment: 'till' | 'phone';
  lines: string;
  currency: string;
  items_minor: number;
  shipping_minor: number;
  total_minor: number;
  delivery_from: string | null;
  delivery_to: string | null;
  delivery_day: string | null;
  holds: string;
  returns: string;
  reset_after_seconds: number;
  delivery_state: 'pending' | 'delivered' | 'rejected';
  pay_url: string | null;
}

/** The personal part of an order, in `orders.personal` until HQ acknowledges it. */
type Personal = CleanDetails;

/** Tries before giving up on a code no other order of this pillar has (a clash is one in a trillion). */
const MINT_TRIES = 5;

/**
 * Orders on the pillar: the bag priced and checked (quote.ts), the shopper's details checked (details.ts),
 * the order placed — its row and its outbox row in one local.db transaction, confirmed only after that
 * commit — and read back for the confirmation; ratings; complementary products for the confirmation. The
 * outbox calls back (`deliveryHooks`) when HQ has answered, to store the receipt and drop personal data.
 */
export class Orders {
  readonly #o: OrdersOptions;
  readonly #now: () => number;
  readonly #s;

  constructor(options: OrdersOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    const db = options.local;
    this.#s = {
      insert: db.prepare(
        `INSERT INTO orders (id, code, placed_at, lang, payment, lines, currency, items_minor, shipping_minor, total_minor,
           delivery_from, delivery_to, delivery_day, holds, returns, reset_after_seconds, personal, assisted_by, note)
         VALUES (@id, @code, @placedAt, @lang, @payment, @lines, @currency, @itemsMinor, @shippingMinor, @totalMinor,
           @deliveryFrom, @deliveryTo, @deliveryDay, @holds, @returns, @resetAfterSeconds, @personal, @assistedBy, @note)`,
      ),
      byId: db.prepare('SELECT * FROM orders WHERE id = ?'),
      codeTaken: db.prepare('SELECT 1 FROM orders WHERE code = ?').pluck(),
      setCode: db.prepare('UPDATE orders SET code = ? WHERE id = ?'),
      acknowledged: db.prepare("UPDATE orders SET personal = NULL, delivery_state = 'delivered', hq_status = ?, pay_url = ? WHERE id = ?"),
      refused: db.prepare("UPDATE orders SET delivery_state = 'rejected' WHERE id = ?"),
      insertRating: db.prepare('INSERT INTO ratings (id, order_id, stars, comment, lang, at) VALUES (?, ?, ?, ?, ?, ?)'),
    };
  }

  quote(input: MethodParsedInput<'orders.quote'>): QuoteOutput {
    return this.#quote(this.#o.context(), input.lines, input.lang).output;
  }

  checkDetails(input: MethodParsedInput<'orders.checkDetails'>): CheckDetailsOutput {
    const ctx = this.#o.context();
    const store = storeFacts(ctx.cache, ctx.storeCode);
    const delivers = input.lines.some((line) => line.fulfilment.kind === 'delivery');
    const choosableDays = delivers ? deliveryWindow(ctx.now, readSettings(ctx.cache, ctx.now).settings.delivery, store).choosableDays : [];
    const check = checkDetails(input.details, { country: store.country, delivers, choosableDays });
    return { valid: check.problems.length === 0, problems: check.problems, ...(check.phoneDisplay ? { phoneDisplay: check.phoneDisplay } : {}) };
  }

  /**
   * Places the order when the bag still prices to what the shopper saw and the details pass; otherwise
   * writes nothing and says why. "Confirmed" is answered only after the order and its outbox row are
   * committed (synchronous=FULL): from then on a power cut cannot lose it.
   */
  place(input: MethodParsedInput<'orders.place'>): PlaceOutput {
    const staff = this.#o.staff?.() ?? null;
    if (input.note !== undefined && !staff) throw new KioskError('FORBIDDEN', 'A note on an order is for staff mode');
    const ctx = this.#o.context();
    const { output, settings, store, window } = this.#quote(ctx, input.lines, input.lang);
    if (!output.ready || output.totalMinor !== input.seenTotalMinor) return { state: 'changed', quote: output };
    const delivers = input.lines.some((line) => line.fulfilment.kind === 'delivery');
    const check = checkDetails(input.details, { country: store.country, delivers, choosableDays: window?.choosableDays ?? [] });
    if (!check.clean) return { state: 'invalid', problems: check.problems };
    const personal = check.clean;

    const id = randomUUID();
    const placedAt = ctx.now;
    const submission = (code: string): OrderSubmission => ({
      id,
      code,
      store: store.code,
      placedAt,
      language: input.lang,
      lines: output.lines.map((line) => ({ sku: line.sku, styleCode: line.styleCode, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, fulfilment: line.fulfilment })),
      contact: personal.contact,
      ...(personal.address ? { address: personal.address } : {}),
      ...(personal.delivery ? { delivery: personal.delivery } : {}),
      marketingConsent: personal.marketingConsent,
      payment: input.payment,
      ...(staff ? { assistedBy: staff.staffId } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      quote: {
        itemsMinor: output.itemsMinor,
        shippingMinor: output.shippingMinor,
        totalMinor: output.totalMinor,
        currency: output.currency,
        ...(output.delivery ? { delivery: { from: output.delivery.from, to: output.delivery.to } } : {}),
        holds: output.holds.map((hold) => ({ store: hold.store, until: hold.until })),
      },
    });

    this.#o.local.transaction(() => {
      const minted = this.#mint();
      // Checked here against HQ's own schema: an order HQ would refuse is not confirmed to the shopper.
      const body = OrderSubmission.parse(submission(minted));
      this.#s.insert.run({
        id,
        code: minted,
        placedAt,
        lang: input.lang,
        payment: input.payment,
        lines: JSON.stringify(output.lines.map(({ options: _options, ...line }) => line)),
        currency: output.currency,
        itemsMinor: output.itemsMinor,
        shippingMinor: output.shippingMinor,
        totalMinor: output.totalMinor,
        deliveryFrom: output.delivery?.from ?? null,
        deliveryTo: output.delivery?.to ?? null,
        deliveryDay: personal.delivery?.day ?? null,
        holds: JSON.stringify(output.holds),
        returns: JSON.stringify(output.returns),
        resetAfterSeconds: settings.checkout.confirmationResetSeconds,
        personal: JSON.stringify(personal satisfies Personal),
        assistedBy: staff?.staffId ?? null,
        note: input.note ?? null,
      });
      this.#o.outbox.enqueue(id, 'order', body, placedAt);
      if (staff) this.#o.onAssisted?.({ id, code: minted, staffId: staff.staffId, at: placedAt });
    })();
    this.#o.onQueued();
    return { state: 'confirmed', order: this.get(id, input.lang) };
  }

  /** A confirmed order of this pillar, with the names in `lang` and the payment link once HQ issued it. */
  get(id: string, lang: Language): ConfirmedOrder {
    const row = this.#s.byId.get(id) as OrderRow | undefined;
    if (!row) throw new KioskError('NOT_FOUND', 'No order of this pillar has that id');
    const stored = JSON.parse(row.lines) as Omit<QuotedLine, 'options'>[];
    const lines = (lang === row.lang ? stored : this.#relabel(stored, lang)).map((line) => ({ ...line, options: [] }));
    return {
      id: row.id,
      code: row.code,
      placedAt: row.placed_at,
      lines,
      currency: row.currency,
      itemsMinor: row.items_minor,
      shippingMinor: row.shipping_minor,
      totalMinor: row.total_minor,
      ...(row.delivery_from && row.delivery_to ? { delivery: { from: row.delivery_from, to: row.delivery_to, day: row.delivery_day } } : {}),
      holds: JSON.parse(row.holds) as ConfirmedOrder['holds'],
      returns: JSON.parse(row.returns) as Returns,
      payment: row.payment === 'till' ? { kind: 'till', code: row.code } : { kind: 'phone', code: row.code, url: row.pay_url },
      delivered: row.delivery_state === 'delivered',
      resetAfterSeconds: row.reset_after_seconds,
    };
  }

  /** "How was your visit?": kept with its outbox row, in one transaction. An unknown order id is dropped, not refused. */
  rate(input: MethodParsedInput<'orders.rate'>): { id: string } {
    const store = this.#o.storeCode();
    if (!store) throw new KioskError('UNAVAILABLE', 'The configuration is not valid: ratings cannot be sent');
    const id = randomUUID();
    const at = this.#now();
    const orderId = input.orderId && this.#s.byId.get(input.orderId) ? input.orderId : undefined;
    const comment = input.comment?.trim() || undefined;
    const body = RatingSubmission.parse({ id, store, ...(orderId ? { orderId } : {}), stars: input.stars, ...(comment ? { comment } : {}), language: input.lang, at });
    this.#o.local.transaction(() => {
      this.#s.insertRating.run(id, orderId ?? null, input.stars, comment ?? null, input.lang, at);
      this.#o.outbox.enqueue(id, 'rating', body, at);
    })();
    this.#o.onQueued();
    return { id };
  }

  /**
   * "Complete the look": the complementary products of the bag's styles, best first — each style's best
   * complement before anyone's second — that the shopper can get now (in this store or online), each once,
   * none already in the bag.
   */
  complements(input: MethodParsedInput<'orders.complements'>): ProductCard[] {
    const { catalog } = this.#o.context();
    const inBag = new Set(input.styleCodes);
    const lists = [...inBag].map((styleCode) => relatedOrNone(catalog, styleCode, input.lang));
    const seen = new Set<string>();
    const found: ProductCard[] = [];
    for (let rank = 0; found.length < input.limit && lists.some((list) => rank < list.length); rank++) {
      for (const list of lists) {
        const card = list[rank];
        if (!card || inBag.has(card.styleCode) || seen.has(card.styleCode)) continue;
        seen.add(card.styleCode);
        if (hereOrOnline(catalog, card)) found.push(card);
        if (found.length >= input.limit) break;
      }
    }
    return found;
  }

  /** What the outbox calls when HQ has answered for a row (each inside the row's own transaction). */
  deliveryHooks(): DeliveryHooks {
    return {
      delivered: (kind, id, answer) => {
        if (kind !== 'order') return;
        const receipt = OrderReceipt.parse(answer);
        this.#s.acknowledged.run(receipt.status, receipt.payUrl ?? null, id);
      },
      rejected: (kind, id) => {
        if (kind === 'order') this.#s.refused.run(id);
      },
      remint: (id, body) => {
        const code = this.#mint();
        this.#s.setCode.run(code, id);
        return JSON.stringify({ ...(JSON.parse(body) as object), code });
      },
      personal: (kind, body) => personalValues(kind, body),
    };
  }

  #warnedSettings = false;

  #quote(ctx: QuoteContext, lines: Parameters<typeof quote>[1], lang: Language): ReturnType<typeof quote> {
    const quoted = quote(ctx, lines, lang);
    if (quoted.settingsSource === 'unreadable' && !this.#warnedSettings) {
      this.#warnedSettings = true;
      this.#o.log?.warn('orders: the settings HQ published cannot be read by this version; the built-in defaults apply');
    }
    return quoted;
  }

  #mint(): string {
    for (let i = 0; i < MINT_TRIES; i++) {
      const code = mintOrderCode();
      if (!this.#s.codeTaken.get(code)) return code;
    }
    throw new Error('could not mint an order code that no other order has');
  }

  /** Names and colours in another language, from the catalog (as stored when the catalog cannot say). */
  #relabel(lines: Omit<QuotedLine, 'options'>[], lang: Language): Omit<QuotedLine, 'options'>[] {
    let catalog: Catalog;
    try {
      catalog = this.#o.context().catalog;
    } catch {
      return lines;
    }
    return lines.map((line) => {
      try {
        const found = variantOf(catalog, line.sku, lang);
        return found ? { ...line, name: found.variant.name, colour: found.variant.colour } : line;
      } catch {
        return line;
      }
    });
  }
}

function relatedOrNone(catalog: Catalog, styleCode: string, lang: Language): ProductCard[] {
  try {
    return catalog.related(styleCode, lang, 'complement', 24);
  } catch (error) {
    // A style that left the catalog since it went into the bag has no complements to offer.
    if (error instanceof KioskError && error.code === 'NOT_FOUND') return [];
    throw error;
  }
}

/** A product with some variant in this store or in the online warehouse (a nearby store alone is a trip away). */
function hereOrOnline(catalog: Catalog, card: ProductCard): boolean {
  if (card.status === 'here' || card.status === 'online') return true;
  if (card.status === 'soldout') return false;
  return catalog.availability(card.styleCode).variants.some((variant) => variant.online > 0);
}

/** The values in a body that identify or describe a person: kept out of every reason stored or logged. */
export function personalValues(kind: UpstreamKind, body: string): string[] {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return [];
  }
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
  if (kind === 'rating') return strings(parsed['comment']);
  if (kind !== 'order') return [];
  // The country code is not personal, and two letters would blot out half the reason.
  const address: Record<string, unknown> = { ...(parsed['address'] as object | undefined) };
  delete address['country'];
  const values = [...strings(parsed['contact']), ...strings(address), ...strings((parsed['delivery'] as { safePlace?: unknown } | undefined)?.safePlace), ...strings(parsed['note'])];
  // A name may come back in part ("Dear Anna"): each word of it too.
  const name = (parsed['contact'] as { name?: unknown } | undefined)?.name;
  const words = typeof name === 'string' ? name.split(/\s+/).filter((word) => word.length >= 3) : [];
  return [...values, ...words];
}
