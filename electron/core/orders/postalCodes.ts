/**
 * Postal code formats of the countries the pillars deliver in (home delivery goes to the store's own
 * country). Each entry accepts what shoppers type — with or without the separator, with spaces around —
 * and writes it the way the country's post prints it. A country not listed accepts any 1–16 letters,
 * digits, spaces and dashes, as typed: a new market works at once and gets its row here.
 *
 * | country | written   | typed and accepted      |
 * |---------|-----------|-------------------------|
 * | SE      | `NNN NN`  | `11121`, `111 21`       |
 * | PL      | `NN-NNN`  | `00950`, `00-950`       |
 * | GR      | `NNN NN`  | `10431`, `104 31`       |
 */
const FORMATS: Readonly<Record<string, { pattern: RegExp; write: (digits: string) => string }>> = {
  SE: { pattern: /^(\d{3}) ?(\d{2})$/, write: (d) => `${d.slice(0, 3)} ${d.slice(3)}` },
  PL: { pattern: /^(\d{2})[- ]?(\d{3})$/, write: (d) => `${d.slice(0, 2)}-${d.slice(2)}` },
  GR: { pattern: /^(\d{3}) ?(\d{2})$/, write: (d) => `${d.slice(0, 3)} ${d.slice(3)}` },
};

const ANY = /^[A-Za-z0-9][A-Za-z0-9 -]{0,15}$/;

/** The postal code as the country writes it, or null when it is not one of that country's. */
export function normalisePostalCode(country: string, typed: string): string | null {
  const value = typed.trim().replace(/\s+/g, ' ');
  const format = FORMATS[country];
  if (!format) return ANY.test(value) ? value.toUpperCase() : null;
  const match = format.pattern.exec(value);
  return match ? format.write(match.slice(1).join('')) : null;
}
