/**
 * Whether what someone typed into the search field is a barcode's number (EAN-8, UPC-A, EAN-13,
 * GTIN-14; spaces and dashes as printed under the bars allowed), so Enter looks it up as a scan would.
 * This also catches a scanner set up too slow to be told from typing. The check digit is the backend's
 * to judge: a near miss gets the kind "we couldn't find that code", not a search for digits.
 */
export function looksLikeBarcode(text: string): boolean {
  return /^(\d{8}|\d{12,14})$/.test(barcodeDigits(text));
}

/** The digits of a code as typed or scanned, without the spaces and dashes printed between groups. */
export function barcodeDigits(text: string): string {
  return text.trim().replace(/[\s-]/g, '');
}
