/**
 * GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) check-digit validation. Scanners and hand-typed codes arrive as
 * text; this says whether it can be a real code before any lookup.
 */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = Number(code.at(-1));
  // From the right, excluding the check digit, weights alternate 3, 1, 3, …
  const sum = digits.slice(0, -1).reverse().reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/**
 * The form codes are stored in: 13 digits. UPC-A (12) gains a leading zero, GTIN-14 with a leading zero
 * drops it; EAN-8 stays as it is. Spaces and dashes a person might type are removed.
 */
export function normaliseGtin(input: string): string {
  const code = input.replace(/[\s-]/g, '');
  if (code.length === 12) return `0${code}`;
  if (code.length === 14 && code.startsWith('0')) return code.slice(1);
  return code;
}
