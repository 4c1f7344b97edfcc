import type { Database, Statement } from 'better-sqlite3';
import type { OrderSubmission } from '../../shared/sync/upstream';
import { Issues } from './issues';

interface LocationRow {
  kind: 'store' | 'warehouse';
  country: string;
}

/**
 * What the shared schema cannot know about an order: that HQ sells every SKU and under that style, that
 * holds go to stores of the chain, that home delivery stays in the store's country, and that the quote
 * adds up. Each problem names its field in words staff can act on; none repeats personal data.
 */
export class OrderChecks {
  readonly #s: Record<'location' | 'variant', Statement>;

  constructor(db: Database) {
    this.#s = {
      location: db.prepare("SELECT kind, json_extract(data, '$.country') AS country FROM locations WHERE code = ?"),
      variant: db.prepare('SELECT p.style_code FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ?').pluck(),
    };
  }

  check(order: OrderSubmission): Issues {
    const issues = new Issues();
    const home = this.#s.location.get(order.store) as LocationRow | undefined;
    if (!home) issues.add('store', `HQ knows no store "${order.store}"`);
    else if (home.kind !== 'store') issues.add('store', `"${order.store}" is a warehouse, not a store`);

    let items = 0;
    order.lines.forEach((line, index) => {
      const at = `lines.${index}`;
      const style = this.#s.variant.get(line.sku) as string | undefined;
      if (style === undefined) issues.add(`${at}.sku`, `HQ's catalog has no SKU "${line.sku}" (it may have been discontinued)`);
      else if (style !== line.styleCode) issues.add(`${at}.styleCode`, `SKU "${line.sku}" belongs to style "${style}", not "${line.styleCode}"`);
      if (line.fulfilment.kind === 'hold') {
        const store = this.#s.location.get(line.fulfilment.store) as LocationRow | undefined;
        if (!store) issues.add(`${at}.fulfilment.store`, `HQ knows no store "${line.fulfilment.store}" to hold it at`);
        else if (store.kind !== 'store') issues.add(`${at}.fulfilment.store`, `"${line.fulfilment.store}" is a warehouse: a hold needs a store the shopper can visit`);
      }
      items += line.unitPriceMinor * line.quantity;
    });

    const { quote } = order;
    if (quote.itemsMinor !== items) issues.add('quote.itemsMinor', `is ${quote.itemsMinor}, but the lines add up to ${items}`);
    if (quote.totalMinor !== quote.itemsMinor + quote.shippingMinor) issues.add('quote.totalMinor', `is ${quote.totalMinor}, but items and shipping add up to ${quote.itemsMinor + quote.shippingMinor}`);
    const delivers = order.lines.some((line) => line.fulfilment.kind === 'delivery');
    if (!delivers && quote.shippingMinor !== 0) issues.add('quote.shippingMinor', 'must be 0: nothing in this order is delivered');
    if (quote.delivery && quote.delivery.from > quote.delivery.to) issues.add('quote.delivery.to', `must not be before ${quote.delivery.from}`);
    // Home delivery goes to the store's own country (its postal codes, its carriers).
    if (delivers && order.address && home && home.kind === 'store' && order.address.country !== home.country) {
      issues.add('address.country', `must be ${home.country}: home delivery goes to the store's own country`);
    }
    return issues;
  }
}
