/**
 * EAN-13 (GTIN-13) barcodes for the demo variants: GS1 Sweden's 73 prefix, a fixed company number and
 * an item number, plus the check digit a scanner verifies.
 */
const COMPANY_PREFIX = '7350';
const ITEM_SPACE = 99_000_000; // eight digits after the company prefix, starting at 01000000

/** The check digit of the first twelve digits: weights 1,3,1,3,… from the left, to the next multiple of ten. */
export function ean13CheckDigit(twelve: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/**
 * The GTIN of item `n` (0 ≤ n < 10⁸). Item numbers are handed out in order, as a brand assigns them —
 * which also lets a loader append to the GTIN index instead of inserting all over it.
 */
export function demoGtin(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= ITEM_SPACE) throw new RangeError(`GTIN item number out of range: ${n}`);
  const twelve = COMPANY_PREFIX + String(n + 1_000_000).padStart(8, '0');
  return twelve + String(ean13CheckDigit(twelve));
}
