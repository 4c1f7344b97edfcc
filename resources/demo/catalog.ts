import { ASSORTMENT, type CategorySpec, type Garment } from './assortment';
import { demoGtin } from './gtin';
import { MATERIALS, type Material } from './materials';
import { type Rng, mix, mulberry32, pick, weighted } from './random';
import { type Size, sizesFor } from './sizes';
import type { DemoProduct, DemoVariant } from './types';
import { CATEGORY_IDS, CLOSING_SENTENCES, COLLECTIONS, COLOUR_BY_CODE, type CategoryId, type DemoColour, LANGS, colourSentence, materialSentence } from './words';

/**
 * One product of the chain, derived from `(seed, index)` alone. Its "shape" (category, garment,
 * material, colours, sizes) is drawn first from its own stream, so stock and relations can recompute it
 * without drawing the texts.
 */
export const MAX_VARIANTS_PER_PRODUCT = 32; // GTIN item numbers are product index × 32 + variant index

/** Salts so the streams drawn for one product (its shape, its stock, its relations) are independent. */
export const SALT = { shape: 1, stock: 2, related: 3, cycle: 4 } as const;

export function styleCode(index: number): string {
  return `NV-${10_001 + index}`;
}

export function mediaPath(category: CategoryId, design: number, colourCode: string): string {
  return `demo/${category}-${design}-${colourCode}.svg`;
}

/**
 * How a chain's products are laid out: its seed, its size, and which category each of 60 consecutive
 * products belongs to — in the proportions of the assortment (8 jeans, 10 t-shirts, … in every 60),
 * shuffled so neighbouring style codes differ. `slots` lists, per category, its places in the cycle.
 */
export interface Layout {
  seed: number;
  productCount: number;
  cycle: readonly CategoryId[];
  slots: Readonly<Record<CategoryId, readonly number[]>>;
}

export function layout(seed: number, productCount: number): Layout {
  const cycle = CATEGORY_IDS.flatMap((id) => Array.from({ length: ASSORTMENT[id].share }, () => id));
  const rng = mulberry32(mix(seed, SALT.cycle));
  for (let i = cycle.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = cycle[i] as CategoryId;
    cycle[i] = cycle[j] as CategoryId;
    cycle[j] = swap;
  }
  const slots = Object.fromEntries(CATEGORY_IDS.map((id) => [id, [] as number[]])) as Record<CategoryId, number[]>;
  cycle.forEach((id, slot) => slots[id].push(slot));
  return { seed, productCount, cycle, slots };
}

export function categoryAt(chain: Layout, index: number): CategoryId {
  return chain.cycle[index % chain.cycle.length] as CategoryId;
}

export interface Shape {
  index: number;
  styleCode: string;
  category: CategoryId;
  spec: CategorySpec;
  garment: Garment;
  material: Material;
  colours: DemoColour[];
  sizes: Size[];
  /** The product's stream, positioned after the shape: texts, price and ratings draw on from here. */
  rng: Rng;
}

/** The garment alone (the first draw of the stream): enough to find similar products cheaply. */
export function garmentOf(chain: Layout, index: number): { spec: CategorySpec; garment: Garment; rng: Rng } {
  const spec = ASSORTMENT[categoryAt(chain, index)];
  const rng = mulberry32(mix(chain.seed, index, SALT.shape));
  return { spec, garment: pick(rng, spec.garments), rng };
}

export function shapeOf(chain: Layout, index: number): Shape {
  const { spec, garment, rng } = garmentOf(chain, index);
  const material = MATERIALS[pick(rng, garment.materials)];
  const pool = (garment.palette ?? spec.palette).slice();
  const count = Math.min(weighted(rng, spec.colourCounts), pool.length);
  const colours: DemoColour[] = [];
  while (colours.length < count) {
    const code = weighted(rng, pool);
    pool.splice(pool.findIndex(([candidate]) => candidate === code), 1);
    const colour = COLOUR_BY_CODE.get(code);
    if (!colour) throw new Error(`unknown colour "${code}" in the assortment`);
    colours.push(colour);
  }
  const sizes = sizesFor(garment.sizes, rng);
  return { index, styleCode: styleCode(index), category: categoryAt(chain, index), spec, garment, material, colours, sizes, rng };
}

/** Colour by colour, size by size — the order of the variants index (product, colour, size). */
export function variantsOf(shape: Shape): DemoVariant[] {
  const variants: DemoVariant[] = [];
  for (const colour of shape.colours) {
    for (const size of shape.sizes) {
      const n = variants.length;
      if (n >= MAX_VARIANTS_PER_PRODUCT) throw new Error(`${shape.styleCode} has more than ${MAX_VARIANTS_PER_PRODUCT} variants`);
      variants.push({
        sku: `${shape.styleCode}-${colour.skuPart}-${size.skuPart}`,
        gtin: demoGtin(shape.index * MAX_VARIANTS_PER_PRODUCT + n),
        colourCode: colour.code,
        size: size.label,
        sizeSort: size.sort,
      });
    }
  }
  return variants;
}

export function productAt(chain: Layout, index: number): DemoProduct {
  const shape = shapeOf(chain, index);
  const { rng, spec, garment, material } = shape;

  const studio = rng() < 0.12;
  const basePrice = pick(rng, garment.prices) + (material.priceAdd ?? 0);
  // "Studio" is the premium line: about a third dearer, still on a …900 price point.
  const priceMinor = studio ? Math.round((basePrice * 1.35) / 10_000) * 10_000 - 100 : basePrice;

  const popularity = Math.floor(10_000 * rng() ** 3);
  const ratingCount = rng() < 0.08 ? 0 : Math.floor(Math.exp(rng() * 5.5 + (popularity / 10_000) * 1.5));
  const ratingAvg = ratingCount === 0 ? 0 : rating(rng);

  const collection = pick(rng, COLLECTIONS);
  const sentence = pick(rng, spec.sentences);
  const closing = rng() < 0.4 ? pick(rng, CLOSING_SENTENCES) : null;
  const texts = {} as DemoProduct['texts'];
  for (const lang of LANGS) {
    const garmentName = garment.names[lang];
    // English puts the material first ("Merino Wool Sweater"); the others after ("Tröja i merinoull").
    const name = !garment.materialInName
      ? `${collection} ${garmentName}`
      : lang === 'en'
        ? `${collection} ${material.name.en} ${garmentName}`
        : `${collection} ${garmentName} ${material.name[lang]}`;
    const sentences = [sentence[lang], materialSentence(lang, material.content[lang]), colourSentence(lang, shape.colours)];
    if (closing) sentences.push(closing[lang]);
    texts[lang] = { name, description: sentences.join(' ') };
  }

  const images: Record<string, string[]> = {};
  for (const colour of shape.colours) images[colour.code] = [mediaPath(shape.category, garment.design, colour.code)];

  return {
    styleCode: shape.styleCode,
    brand: studio ? 'NORRVIK Studio' : spec.brand,
    categoryId: shape.category,
    priceMinor,
    currency: 'SEK',
    ratingAvg,
    ratingCount,
    popularity,
    texts,
    images,
    variants: variantsOf(shape),
  };
}

/** Ratings lean positive, as real ones do: most between 4 and 4.8, a few poor ones. */
function rating(rng: Rng): number {
  const value = rng() < 0.05 ? 2.4 + rng() * 1.2 : 4.85 - 1.3 * rng() ** 2.5;
  return Math.round(Math.min(5, Math.max(1, value)) * 10) / 10;
}
