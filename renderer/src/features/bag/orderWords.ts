import type { TFunction } from 'i18next';
import type { Fulfilment, FulfilmentOption, QuoteOutput, QuotedLine, Returns } from '../../../../shared/api/orders';
import { formatPrice } from '../../app/format';
import { formatDistance } from '../stores/storeText';
import { formatDayRange, formatUntil, type DateContext } from './orderDates';

/**
 * The words of an order, shared by the bag, checkout and the confirmation: how each line is had, what is
 * wrong with one, shipping, returns. Prices in the store's currency and format; dates in the shopper's
 * language on the store's clock.
 */
export interface OrderContext extends DateContext {
  /** Names of stores by code, for a hold the quote names only by code. */
  storeNames?: ReadonlyMap<string, string>;
}

/** "Home delivery", "Hold at Kungsgatan", "From this store". */
export function fulfilmentTitle(fulfilment: Fulfilment | FulfilmentOption, t: TFunction, storeName?: string): string {
  switch (fulfilment.kind) {
    case 'delivery':
      return t('bag.way.delivery');
    case 'hold':
      return t('bag.way.hold', { store: 'name' in fulfilment ? fulfilment.name : (storeName ?? fulfilment.store) });
    case 'in-store':
      return t('bag.way.inStore');
  }
}

/** The line under an option's title: free and when, how far and until when, or where to find it. */
export function optionDetail(option: FulfilmentOption, quote: QuoteOutput | null, t: TFunction, context: OrderContext): string {
  switch (option.kind) {
    case 'delivery': {
      const dates = quote?.delivery ? formatDayRange(quote.delivery.from, quote.delivery.to, context, 'short') : null;
      if (option.free) return dates ? t('bag.option.deliveryFree', { dates }) : t('bag.option.deliveryFreeNoDates');
      return dates ? t('bag.option.deliveryFee', { dates }) : t('bag.option.deliveryFeeNoDates');
    }
    case 'hold': {
      const values = { distance: formatDistance(option.distanceKm, context.storeLocale), until: formatUntil(option.until, context) };
      return option.openNow ? t('bag.option.holdOpen', values) : t('bag.option.holdClosed', values);
    }
    case 'in-store':
      return t('bag.option.inStore');
  }
}

/** Whether an option is the way a line is had now. */
export function isCurrent(option: FulfilmentOption, fulfilment: Fulfilment): boolean {
  return option.kind === fulfilment.kind && (option.kind !== 'hold' || (fulfilment.kind === 'hold' && option.store === fulfilment.store));
}

/** The fulfilment an option stands for, as a bag line takes it. */
export function fulfilmentOf(option: FulfilmentOption): Fulfilment {
  return option.kind === 'hold' ? { kind: 'hold', store: option.store } : { kind: option.kind };
}

/** What is wrong with a line, in words (always beside an icon); null when nothing is. */
export function problemText(line: QuotedLine, t: TFunction, storeLocale: string, currency: string): string | null {
  switch (line.problem) {
    case undefined:
      return null;
    case 'unavailable':
      return t('bag.problem.unavailable');
    case 'fewer':
      return line.available === 0 ? t('bag.problem.unavailable') : t('bag.problem.fewer', { count: line.available });
    case 'price-changed':
      return t('bag.problem.priceChanged', { price: formatPrice({ minor: line.unitPriceMinor, currency }, storeLocale) });
    case 'discontinued':
      return t('bag.problem.discontinued');
  }
}

/** Shipping as the totals say it: "Free" in words, never 0. */
export function shippingText(quote: Pick<QuoteOutput, 'shippingMinor' | 'currency'>, t: TFunction, storeLocale: string): string {
  return quote.shippingMinor === 0 ? t('bag.totals.free') : formatPrice({ minor: quote.shippingMinor, currency: quote.currency }, storeLocale);
}

/** Why shipping is free, when it is and there is a reason worth saying. */
export function shippingReasonText(quote: Pick<QuoteOutput, 'shippingReason'>, t: TFunction): string | null {
  switch (quote.shippingReason) {
    case 'free-missing-here':
      return t('bag.totals.freeMissingHere');
    case 'free-above-threshold':
      return t('bag.totals.freeAboveThreshold');
    case 'fee':
    case 'none':
      return null;
  }
}

/** "Free returns within 30 days, in any of our stores or by post." */
export function returnsText(returns: Returns, t: TFunction): string {
  const window = returns.free ? t('bag.returns.free', { count: returns.days }) : t('bag.returns.paid', { count: returns.days });
  const ways = returns.inStore && returns.byPost ? t('bag.returns.storeOrPost') : returns.inStore ? t('bag.returns.store') : returns.byPost ? t('bag.returns.post') : null;
  return ways ? t('bag.returns.sentence', { window, ways }) : t('bag.returns.windowOnly', { window });
}

/** The quote's line total in the store's currency. */
export function linePrice(line: Pick<QuotedLine, 'unitPriceMinor' | 'quantity'>, currency: string, storeLocale: string): string {
  return formatPrice({ minor: line.unitPriceMinor * line.quantity, currency }, storeLocale);
}

export function money(minor: number, currency: string, storeLocale: string): string {
  return formatPrice({ minor, currency }, storeLocale);
}
