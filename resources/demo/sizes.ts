import type { SizeRun } from './assortment';
import { type Rng, int, weighted } from './random';

/** One size of a garment: its label, its order within the product and its part of the SKU. */
export interface Size {
  label: string;
  sort: number;
  skuPart: string;
}

const LETTERS = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const letter = (from: number, to: number): Size[] =>
  LETTERS.slice(from, to + 1).map((label, index) => ({ label, sort: from + index + 1, skuPart: label }));

const WAISTS = [25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 36, 38] as const;
const LENGTHS = [30, 32, 34] as const;

/** The sizes one product comes in — a run typical of its kind, varied per product. */
export function sizesFor(run: SizeRun, rng: Rng): Size[] {
  switch (run) {
    case 'tops':
      return weighted(rng, [[letter(0, 4), 3], [letter(1, 5), 3], [letter(0, 5), 4]]);
    case 'dresses':
      return weighted(rng, [[letter(0, 4), 7], [letter(0, 5), 3]]);
    case 'jeans': {
      // Waist × length, like a denim wall: six waists in a row, two leg lengths.
      const start = int(rng, 0, WAISTS.length - 6);
      const firstLength = int(rng, 0, 1);
      const sizes: Size[] = [];
      for (const waist of WAISTS.slice(start, start + 6)) {
        for (const length of LENGTHS.slice(firstLength, firstLength + 2)) {
          sizes.push({ label: `W${waist} L${length}`, sort: waist * 100 + length, skuPart: `W${waist}L${length}` });
        }
      }
      return sizes;
    }
    case 'shoes': {
      // EU sizes: a women's run, a men's run or the whole range.
      const [from, to] = weighted(rng, [[[36, 41], 3], [[40, 46], 3], [[36, 46], 4]] as const);
      const sizes: Size[] = [];
      for (let eu = from; eu <= to; eu++) sizes.push({ label: String(eu), sort: eu, skuPart: String(eu) });
      return sizes;
    }
    case 'belts':
      return [80, 85, 90, 95, 100, 105].map((cm) => ({ label: `${cm} cm`, sort: cm, skuPart: String(cm) }));
    case 'one-size':
      return [{ label: 'One size', sort: 0, skuPart: 'OS' }];
  }
}
