/** Prices in the store's currency and number format, whatever the shopper's language. */
export function formatPrice(price: { minor: number; currency: string }, locale: string): string {
  const whole = price.minor % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: price.currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(price.minor / 100);
}
