import { type Layout, SALT, categoryAt, garmentOf, styleCode } from './catalog';
import { ASSORTMENT } from './assortment';
import { type Rng, int, mix, mulberry32, weighted } from './random';
import type { DemoRelatedRow } from './types';
import type { CategoryId } from './words';

/**
 * "Goes with" and "instead of" for one product: 3–6 complements from the categories its category is
 * worn with (jeans with t-shirts, shirts and shoes; dresses with shoes and accessories — the first
 * listed most often and scored highest), and 2–4 alternatives from its own category, the same kind of
 * garment first (another wrap dress before a knitted one).
 */
export function* relatedOf(chain: Layout, index: number): Generator<DemoRelatedRow> {
  const rng = mulberry32(mix(chain.seed, index, SALT.related));
  const category = categoryAt(chain, index);
  const own = styleCode(index);
  const taken = new Set([index]);

  const spec = ASSORTMENT[category];
  const byAffinity = spec.complements.map((id, rank) => [id, spec.complements.length - rank] as const);
  const complements: { index: number; score: number }[] = [];
  const wanted = int(rng, 3, 6);
  for (let attempt = 0; complements.length < wanted && attempt < wanted * 4; attempt++) {
    const other = weighted(rng, byAffinity);
    const candidate = anyOf(rng, chain, other);
    if (candidate === null || taken.has(candidate)) continue;
    taken.add(candidate);
    const affinity = (spec.complements.length - spec.complements.indexOf(other)) / spec.complements.length;
    complements.push({ index: candidate, score: round2(0.45 + 0.4 * affinity + 0.1 * rng()) });
  }

  const garment = garmentOf(chain, index).garment;
  const candidates: { index: number; score: number }[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    const candidate = anyOf(rng, chain, category);
    if (candidate === null || taken.has(candidate)) continue;
    taken.add(candidate);
    const sameKind = garmentOf(chain, candidate).garment.design === garment.design;
    candidates.push({ index: candidate, score: round2((sameKind ? 0.8 : 0.5) + 0.15 * rng()) });
  }
  const alternatives = candidates.sort((a, b) => b.score - a.score).slice(0, int(rng, 2, 4));

  for (const row of complements.sort((a, b) => b.score - a.score)) {
    yield { styleCode: own, kind: 'complement', relatedStyleCode: styleCode(row.index), score: row.score };
  }
  for (const row of alternatives) {
    yield { styleCode: own, kind: 'alternative', relatedStyleCode: styleCode(row.index), score: row.score };
  }
}

/** A random product of `category`, found through the 60-product category cycle; null if there is none. */
function anyOf(rng: Rng, chain: Layout, category: CategoryId): number | null {
  const slots = chain.slots[category];
  const cycles = Math.ceil(chain.productCount / chain.cycle.length);
  for (let attempt = 0; attempt < 8 && slots.length > 0; attempt++) {
    const index = int(rng, 0, cycles - 1) * chain.cycle.length + (slots[Math.floor(rng() * slots.length)] as number);
    if (index < chain.productCount) return index;
  }
  return null;
}

function round2(value: number): number {
  return Math.round(Math.min(1, value) * 100) / 100;
}
