import { accessory } from './art/accessories';
import { jeans } from './art/jeans';
import { dress, jacket } from './art/outer';
import { shoe } from './art/shoes';
import { type Art, type Paint, paint } from './art/paint';
import { knitwear, shirt, tshirt } from './art/tops';
import { CATEGORY_IDS, COLOUR_BY_CODE, type CategoryId } from './words';

/**
 * Calm, flat product illustrations for the demo catalogue: one drawing per garment design, tinted with
 * the variant's colour, on a light neutral backdrop over a soft shadow on the ground. SVG text, no Node —
 * the kiosk writes them to disk, HQ can serve them straight from here. No SVG filters: a browser paints an
 * SVG picture on its main thread, and a blurred drop shadow made each card that scrolled into view cost
 * up to tens of milliseconds of paint on a pillar's CPU; the ground shadow is a gradient, nearly free.
 */
const DRAW: Record<CategoryId, (design: number, p: Paint) => Art> = {
  jeans,
  't-shirts': tshirt,
  shirts: shirt,
  knitwear,
  dresses: dress,
  jackets: jacket,
  shoes: shoe,
  accessories: accessory,
};

export function productSvg(categoryId: CategoryId, variantDesign: number, hex: string): string {
  const p = paint(hex, `${categoryId}-${variantDesign}`);
  const { defs = '', art } = DRAW[categoryId](variantDesign, p);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="800" height="800">
<defs>
  <radialGradient id="${p.id}-bg" cx="0.5" cy="0.4" r="0.8">
    <stop offset="0" stop-color="#f8f6f2"/>
    <stop offset="1" stop-color="#e8e4dc"/>
  </radialGradient>
  <radialGradient id="${p.id}-ground" cx="0.5" cy="0.5" r="0.5">
    <stop offset="0" stop-color="#3a3226" stop-opacity="0.2"/>
    <stop offset="0.6" stop-color="#3a3226" stop-opacity="0.08"/>
    <stop offset="1" stop-color="#3a3226" stop-opacity="0"/>
  </radialGradient>
  <linearGradient id="${p.id}-vol" x1="0" y1="0" x2="1" y2="0.25">
    <stop offset="0" stop-color="#ffffff" stop-opacity="0.16"/>
    <stop offset="0.42" stop-color="#ffffff" stop-opacity="0"/>
    <stop offset="0.7" stop-color="#000000" stop-opacity="0"/>
    <stop offset="1" stop-color="#000000" stop-opacity="0.14"/>
  </linearGradient>
  ${defs}
</defs>
<rect width="400" height="400" fill="url(#${p.id}-bg)"/>
<ellipse cx="200" cy="366" rx="128" ry="14" fill="url(#${p.id}-ground)"/>
<g>${art}</g>
</svg>
`;
}

/** The drawing behind a media path of the demo catalogue (`demo/knitwear-0-navy.svg`), or null. */
export function mediaSvg(mediaPath: string): string | null {
  const match = /^demo\/([a-z-]+?)-(\d+)-([a-z-]+)\.svg$/.exec(mediaPath);
  if (!match) return null;
  const [, category, design, colourCode] = match;
  const colour = COLOUR_BY_CODE.get(colourCode ?? '');
  if (!colour || !(CATEGORY_IDS as readonly string[]).includes(category ?? '')) return null;
  return productSvg(category as CategoryId, Number(design), colour.hex);
}
