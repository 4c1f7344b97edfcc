/** Prices in the store's currency and number format, whatever the shopper's language. */
export function formatPrice(price: { minor: number; currency: string }, locale: string): string {
  const digits = price.minor % 100 === 0 ? 0 : 2;
  return numberFormat(locale, { style: 'currency', currency: price.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(price.minor / 100);
}

/** A rating as the shopper's language writes it, one decimal ("4,7" in Swedish). */
export function formatRating(average: number, language: string): string {
  return numberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average);
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * One formatter per locale and options, made once: making one costs far more than using it, and a grid
 * of results formats two numbers per card as each row scrolls in, a product page a distance per size.
 */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}
