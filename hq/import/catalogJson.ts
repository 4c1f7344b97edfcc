import type { z } from 'zod';
import { Category, Colour, Location, Product } from '../../shared/sync/entities';
import type { CatalogInput } from '../store/store';
import { elementLines, parseJson } from './jsonText';
import type { Problems } from './problems';

export interface CatalogCounts {
  locations: number;
  categories: number;
  colours: number;
  products: number;
  variants: number;
}

/** A catalog file read and checked on its own, ready to publish. */
export interface ParsedCatalog {
  input: Omit<CatalogInput, 'stock'>;
  counts: CatalogCounts;
  /** Where a store issue path ("products.3.variants.1.gtin") points in the file, and how to name it. */
  locate(path: string): { line: number; reason: string };
}

const SECTIONS = { locations: Location, categories: Category, colours: Colour, products: Product } as const;
type Section = keyof typeof SECTIONS;

/**
 * A catalog JSON file: an array of products, or `{ locations?, categories?, colours?, products? }`, each
 * row checked against the shared schema and reported at the line its element starts on.
 */
export function readCatalogJson(text: string, file: string, problems: Problems): ParsedCatalog | null {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    problems.add(file, parsed.line, parsed.reason);
    return null;
  }
  const lines = elementLines(text);
  const sections: Partial<Record<Section, unknown[]>> = {};
  const where: Partial<Record<Section, number[]>> = {};
  if (Array.isArray(parsed.value)) {
    sections.products = parsed.value;
    where.products = lines.root;
  } else if (parsed.value !== null && typeof parsed.value === 'object') {
    for (const [key, value] of Object.entries(parsed.value)) {
      if (!(key in SECTIONS)) {
        problems.add(file, 1, `unknown key "${key}" (a catalog has ${Object.keys(SECTIONS).join(', ')})`);
      } else if (!Array.isArray(value)) {
        problems.add(file, 1, `"${key}" must be an array`);
      } else {
        sections[key as Section] = value;
        where[key as Section] = lines.keys.get(key) ?? [];
      }
    }
  } else {
    problems.add(file, 1, 'a catalog is an array of products or an object with locations, categories, colours and products');
    return null;
  }

  // Rows that failed their own check are left out of `input`: `kept` maps an input index back to the file's.
  const kept: Record<Section, number[]> = { locations: [], categories: [], colours: [], products: [] };
  const lineOf = (section: Section, index: number) => where[section]?.[index] ?? 0;
  const input = {
    locations: check(sections.locations, Location, 'locations'),
    categories: check(sections.categories, Category, 'categories'),
    colours: check(sections.colours, Colour, 'colours'),
    products: check(sections.products, Product, 'products'),
  };

  function check<S extends z.ZodType>(rows: unknown[] | undefined, schema: S, section: Section): z.output<S>[] {
    const valid: z.output<S>[] = [];
    (rows ?? []).forEach((row, index) => {
      const result = schema.safeParse(row);
      if (result.success) {
        valid.push(result.data);
        kept[section].push(index);
      } else for (const issue of result.error.issues) problems.add(file, lineOf(section, index), `${[section, index, ...issue.path].join('.')}: ${issue.message}`);
    });
    return valid;
  }

  return {
    input,
    counts: {
      locations: input.locations.length,
      categories: input.categories.length,
      colours: input.colours.length,
      products: input.products.length,
      variants: input.products.reduce((n, p) => n + p.variants.length, 0),
    },
    locate(path) {
      const [section, index, ...rest] = path.split('.');
      if (!section || !(section in SECTIONS)) return { line: 0, reason: path };
      const inFile = kept[section as Section][Number(index)] ?? Number(index);
      return { line: lineOf(section as Section, inFile), reason: [section, inFile, ...rest].join('.') };
    },
  };
}
