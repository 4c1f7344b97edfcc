import { Product } from '../../shared/sync/entities';
import { LANGUAGES } from '../../shared/languages';
import type { HqStore } from '../store/store';
import { readCsv } from './csvText';
import type { Problems } from './problems';
import type { ParsedCatalog } from './catalogJson';

const OTHER_LANGUAGES = LANGUAGES.filter((lang) => lang !== 'en');
export const CATALOG_CSV_COLUMNS = {
  required: ['style_code', 'brand', 'category', 'price', 'currency', 'name_en', 'description_en', 'colour', 'size', 'size_sort', 'sku', 'gtin'],
  optional: [...OTHER_LANGUAGES.flatMap((lang) => [`name_${lang}`, `description_${lang}`]), 'images'],
} as const;

/** The style-level columns: every row of a style must repeat the same values. */
const STYLE_COLUMNS = ['brand', 'category', 'price', 'currency', ...LANGUAGES.flatMap((lang) => [`name_${lang}`, `description_${lang}`])];

/** Where each part of a product came from in the file. */
interface Origin {
  line: number;
  variantLines: number[];
  imageLines: Map<string, number>;
}

interface Draft {
  origin: Origin;
  row: Map<string, string>;
  product: Omit<Product, 'ratingAvg' | 'ratingCount' | 'popularity' | 'related'>;
}

/**
 * A catalog CSV: one row per variant, its style's columns repeated on each (they must agree), prices in
 * major units (`299.00`), optional name/description columns per language and an `images` column (media
 * paths separated by `;`, for the row's colour).
 *
 * A CSV carries no ratings, popularity or relations, and may leave out a language or the images: for a
 * product HQ already holds, those are kept as they are rather than wiped by the import.
 */
export async function readCatalogCsv(text: string, file: string, store: HqStore, problems: Problems): Promise<ParsedCatalog | null> {
  const rows = readCsv(text, file, CATALOG_CSV_COLUMNS, problems);
  if (!rows) return null;
  const present = new Set(rows[0]?.values.keys() ?? []);
  const drafts = new Map<string, Draft>();

  for (const { line, values } of rows) {
    const value = (column: string) => values.get(column)?.trim() ?? '';
    const styleCode = value('style_code');
    if (styleCode === '') {
      problems.add(file, line, 'style_code: must not be empty');
      continue;
    }
    const priceMinor = parsePrice(value('price'));
    if (priceMinor === null) problems.add(file, line, `price: "${value('price')}" is not a price in major units such as 299.00`);
    const sizeSort = /^-?\d{1,9}$/.test(value('size_sort')) ? Number(value('size_sort')) : null;
    if (sizeSort === null) problems.add(file, line, `size_sort: "${value('size_sort')}" is not a whole number`);

    let draft = drafts.get(styleCode);
    if (!draft) {
      const texts: Record<string, { name: string; description: string }> = {};
      for (const lang of LANGUAGES) {
        if (!present.has(`name_${lang}`)) continue;
        const name = value(`name_${lang}`);
        const description = values.get(`description_${lang}`) ?? '';
        if (name !== '') texts[lang] = { name, description: description.trim() };
        else if (description.trim() !== '') problems.add(file, line, `description_${lang}: given without name_${lang}`);
      }
      draft = {
        origin: { line, variantLines: [], imageLines: new Map() },
        row: values,
        product: { styleCode, brand: value('brand'), categoryId: value('category'), priceMinor: priceMinor ?? 0, currency: value('currency'), images: {}, texts: texts as Product['texts'], variants: [] },
      };
      drafts.set(styleCode, draft);
    } else {
      for (const column of STYLE_COLUMNS) {
        if (present.has(column) && (values.get(column) ?? '').trim() !== (draft.row.get(column) ?? '').trim()) {
          problems.add(file, line, `${column}: differs from line ${draft.origin.line}, the first row of style ${styleCode} (a style's columns must be the same on each of its rows)`);
        }
      }
    }

    const colourCode = value('colour');
    draft.product.variants.push({ sku: value('sku'), gtin: value('gtin'), colourCode, size: value('size'), sizeSort: sizeSort ?? 0 });
    draft.origin.variantLines.push(line);
    if (present.has('images')) {
      const paths = value('images').split(';').map((p) => p.trim()).filter((p) => p !== '');
      const list = (draft.product.images[colourCode] ??= []);
      for (const p of paths) if (!list.includes(p)) list.push(p);
      if (!draft.origin.imageLines.has(colourCode)) draft.origin.imageLines.set(colourCode, line);
    }
  }

  const existing = new Map((await store.getProducts([...drafts.keys()])).map((p) => [p.styleCode, p]));
  const products: Product[] = [];
  const origins: Origin[] = [];
  for (const { product, origin } of drafts.values()) {
    const before = existing.get(product.styleCode);
    const candidate = {
      ...product,
      ratingAvg: before?.ratingAvg ?? 0,
      ratingCount: before?.ratingCount ?? 0,
      popularity: before?.popularity ?? 0,
      related: before?.related ?? [],
      images: present.has('images') ? Object.fromEntries(Object.entries(product.images).filter(([, paths]) => paths.length > 0)) : (before?.images ?? {}),
      texts: { ...Object.fromEntries(LANGUAGES.filter((lang) => !present.has(`name_${lang}`) && before?.texts[lang]).map((lang) => [lang, before?.texts[lang]])), ...product.texts },
    };
    const parsed = Product.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.add(file, lineIn(origin, issue.path), `${csvColumn(issue.path)}: ${issue.message}`);
      continue;
    }
    products.push(parsed.data);
    origins.push(origin);
  }

  return {
    input: { products },
    counts: { locations: 0, categories: 0, colours: 0, products: products.length, variants: products.reduce((n, p) => n + p.variants.length, 0) },
    locate(path) {
      const [section, index, ...rest] = path.split('.');
      const origin = section === 'products' ? origins[Number(index)] : undefined;
      return origin ? { line: lineIn(origin, rest), reason: csvColumn(rest) } : { line: 0, reason: path };
    },
  };
}

/** "299", "299.5", "299.00" → minor units; null for anything else. */
function parsePrice(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

function lineIn(origin: Origin, path: readonly PropertyKey[]): number {
  if (path[0] === 'variants' && typeof path[1] === 'number') return origin.variantLines[path[1]] ?? origin.line;
  if (path[0] === 'images' && typeof path[1] === 'string') return origin.imageLines.get(path[1]) ?? origin.line;
  return origin.line;
}

/** The CSV column a path inside a product comes from, for messages a merchandiser can act on. */
function csvColumn(path: readonly PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  if (first === 'texts') return `${third === 'description' ? 'description' : 'name'}_${second ?? 'en'}`;
  if (first === 'variants') return ({ sku: 'sku', gtin: 'gtin', colourCode: 'colour', size: 'size', sizeSort: 'size_sort' } as Record<string, string>)[third ?? ''] ?? 'variants';
  return ({ styleCode: 'style_code', brand: 'brand', categoryId: 'category', priceMinor: 'price', currency: 'currency', images: 'images', related: 'related' } as Record<string, string>)[first ?? ''] ?? (first || 'row');
}
