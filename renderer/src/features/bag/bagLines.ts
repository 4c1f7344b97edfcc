import type { BagLine, Fulfilment, QuoteOutput, QuotedLine } from '../../../../shared/api/orders';

/** The contract's limits: a line holds 1–10, a bag 1–20 lines. */
export const MAX_QUANTITY = 10;
export const MAX_LINES = 20;

/**
 * A line's identity in the bag: the variant and how it is had. The same variant delivered and held at a
 * store are two lines; adding the same variant the same way again adds to its line.
 */
export function lineKey(line: { sku: string; fulfilment: Fulfilment }): string {
  const { fulfilment } = line;
  return `${line.sku}|${fulfilment.kind}${fulfilment.kind === 'hold' ? `|${fulfilment.store}` : ''}`;
}

export function sameFulfilment(a: Fulfilment, b: Fulfilment): boolean {
  return a.kind === b.kind && (a.kind !== 'hold' || (b.kind === 'hold' && a.store === b.store));
}

/** The bag with one more line: merged into its twin (capped at the maximum), or appended. Null when the bag is full. */
export function addLine(lines: readonly BagLine[], line: BagLine): BagLine[] | null {
  const key = lineKey(line);
  const twin = lines.findIndex((existing) => lineKey(existing) === key);
  if (twin >= 0) return lines.map((existing, at) => (at === twin ? { ...existing, quantity: clampQuantity(existing.quantity + line.quantity) } : existing));
  if (lines.length >= MAX_LINES) return null;
  return [...lines, { ...line, quantity: clampQuantity(line.quantity) }];
}

export function setQuantity(lines: readonly BagLine[], key: string, quantity: number): BagLine[] {
  return lines.map((line) => (lineKey(line) === key ? { ...line, quantity: clampQuantity(quantity) } : line));
}

/**
 * Another way to get a line: it keeps its place in the bag; when the bag already has the variant that way,
 * the two become one line (at the first one's place).
 */
export function setFulfilment(lines: readonly BagLine[], key: string, fulfilment: Fulfilment): BagLine[] {
  const at = lines.findIndex((line) => lineKey(line) === key);
  const moving = lines[at];
  if (!moving) return [...lines];
  const moved = { ...moving, fulfilment };
  const twin = lines.findIndex((line, index) => index !== at && lineKey(line) === lineKey(moved));
  if (twin < 0) return lines.map((line, index) => (index === at ? moved : line));
  const first = Math.min(at, twin);
  const merged = { ...moved, quantity: clampQuantity(moving.quantity + (lines[twin]?.quantity ?? 0)) };
  return lines.flatMap((line, index) => (index === first ? [merged] : index === at || index === twin ? [] : [line]));
}

export function removeLine(lines: readonly BagLine[], key: string): BagLine[] {
  return lines.filter((line) => lineKey(line) !== key);
}

/** Items in the bag, as the bag button counts them. */
export function itemCount(lines: readonly BagLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/**
 * The quote's line for a bag line. The core answers line for line in the bag's order; matching by key
 * as well keeps a mismatched answer from pairing a line with another's price.
 */
export function quotedLine(quote: QuoteOutput | null, line: BagLine, at: number): QuotedLine | undefined {
  if (!quote) return undefined;
  const key = lineKey(line);
  const same = quote.lines[at];
  if (same && lineKey(same) === key) return same;
  return quote.lines.find((candidate) => lineKey(candidate) === key);
}

/** Whether the quote was made for exactly these lines (the bag may have moved on while it was asked). */
export function quoteMatches(quote: QuoteOutput | null, lines: readonly BagLine[]): boolean {
  if (!quote || quote.lines.length !== lines.length) return false;
  return lines.every((line, at) => {
    const quoted = quote.lines[at];
    return quoted !== undefined && lineKey(quoted) === lineKey(line) && quoted.quantity === line.quantity;
  });
}

/** A line the shopper cannot go ahead with as it is (`price-changed` is news, not a blocker). */
export function blocks(line: Pick<QuotedLine, 'problem'>): boolean {
  return line.problem !== undefined && line.problem !== 'price-changed';
}

/** Does any line go to the shopper's home (then checkout asks for an address and delivery choices). */
export function delivers(lines: readonly { fulfilment: Fulfilment }[]): boolean {
  return lines.some((line) => line.fulfilment.kind === 'delivery');
}

function clampQuantity(quantity: number): number {
  return Math.max(1, Math.min(MAX_QUANTITY, Math.round(quantity)));
}
