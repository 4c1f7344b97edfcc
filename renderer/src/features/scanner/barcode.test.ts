import { describe, expect, it } from 'vitest';
import { barcodeDigits, looksLikeBarcode } from './barcode';

describe('typed barcodes', () => {
  it('barcode: the lengths of EAN-8, UPC-A, EAN-13 and GTIN-14 are barcodes, as printed or run together', () => {
    for (const code of ['73500123', '012345678905', '7350012345671', '17350012345678', '7 350012 345671', '7350-0123-4567-1']) {
      expect(looksLikeBarcode(code), code).toBe(true);
    }
  });

  it('barcode: searches are not barcodes (words, style codes, sizes, other lengths)', () => {
    for (const text of ['jeans', 'NV-10042', '42', 'W32 L34', '1234567', '12345678901', '123456789012345', '7350012345671x', '']) {
      expect(looksLikeBarcode(text), text).toBe(false);
    }
  });

  it('barcode: the digits are what the backend is asked for', () => {
    expect(barcodeDigits(' 7 350012 345671 ')).toBe('7350012345671');
  });
});
