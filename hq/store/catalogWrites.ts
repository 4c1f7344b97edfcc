import type { Database, Statement } from 'better-sqlite3';
import { Category, Colour, Location, Product, StyleCode } from '../../shared/sync/entities';
import { EVERY_REGION, type LogWriter } from './changeLog';
import { entityJson, productJson } from './entityJson';
import type { Issues } from './issues';
import type { CatalogInput } from './store';

interface Parsed {
  locations: Location[];
  categories: Category[];
  colours: Colour[];
  products: { product: Product; index: number; json: string }[];
}

/**
 * Catalog writes: locations, categories, colours and products, each row checked against the shared
 * schema and against what HQ holds, stored only when it differs from the stored row (deep-equal rows log
 * nothing), and logged in the caller's transaction.
 *
 * A product's variants are written the way a pillar applies a `product.upsert` (electron/core/sync):
 * the listed SKUs are upserted — one listed by another product moves, with its stock — then the SKUs
 * the product no longer lists go, with their stock. Doing the same here keeps HQ's state and every
 * pillar's cache equal, change by change.
 */
export class CatalogWrites {
  readonly #s: Record<'location' | 'locationData' | 'category' | 'categoryData' | 'colour' | 'colourData' | 'productRow' | 'putProduct' | 'variantBySku' | 'insertVariant' | 'putVariant' | 'dropVariants' | 'dropStock' | 'deleteProduct' | 'variantIds', Statement>;

  constructor(db: Database) {
    this.#s = {
      locationData: db.prepare('SELECT data FROM locations WHERE code = ?').pluck(),
      location: db.prepare(
        `INSERT INTO locations (code, kind, lat, lon, data) VALUES (@code, @kind, @lat, @lon, @data)
         ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, lat = excluded.lat, lon = excluded.lon, data = excluded.data
         RETURNING id`,
      ).pluck(),
      categoryData: db.prepare('SELECT data FROM categories WHERE id = ?').pluck(),
      category: db.prepare('INSERT INTO categories (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data'),
      colourData: db.prepare('SELECT data FROM colours WHERE code = ?').pluck(),
      colour: db.prepare('INSERT INTO colours (code, data) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET data = excluded.data'),
      productRow: db.prepare('SELECT id, data FROM products WHERE style_code = ?'),
      putProduct: db
        .prepare(
          `INSERT INTO products (style_code, category_id, data) VALUES (?, ?, ?)
           ON CONFLICT (style_code) DO UPDATE SET category_id = excluded.category_id, data = excluded.data
           RETURNING id`,
        )
        .pluck(),
      variantBySku: db.prepare('SELECT v.product_id AS productId, p.style_code AS styleCode FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ?'),
      insertVariant: db.prepare('INSERT INTO variants (sku, gtin, product_id, colour_code) VALUES (?, ?, ?, ?)'),
      putVariant: db.prepare(
        `INSERT INTO variants (sku, gtin, product_id, colour_code) VALUES (?, ?, ?, ?)
         ON CONFLICT (sku) DO UPDATE SET gtin = excluded.gtin, product_id = excluded.product_id, colour_code = excluded.colour_code`,
      ),
      dropVariants: db.prepare('DELETE FROM variants WHERE product_id = ? AND sku NOT IN (SELECT value FROM json_each(?)) RETURNING id').pluck(),
      dropStock: db.prepare('DELETE FROM stock WHERE variant_id = ?'),
      deleteProduct: db.prepare('DELETE FROM products WHERE id = ?'),
      variantIds: db.prepare('SELECT id FROM variants WHERE product_id = ?').pluck(),
    };
  }

  /** Validates, then writes what changed. Throws `StoreInputError` listing every bad row; the caller's transaction then rolls back. */
  publish(input: CatalogInput, log: LogWriter, issues: Issues): void {
    const parsed = this.#parse(input, issues);
    issues.throwIfAny('The catalog was refused');

    for (const location of parsed.locations) {
      const json = entityJson(location);
      if (this.#s.locationData.get(location.code) === json) continue;
      const id = this.#s.location.get({ code: location.code, kind: location.kind, lat: location.lat, lon: location.lon, data: json }) as number;
      log.add({ type: 'location.upsert', scope: id, payload: json });
    }
    for (const category of parsed.categories) {
      const json = entityJson(category);
      if (this.#s.categoryData.get(category.id) === json) continue;
      this.#s.category.run(category.id, json);
      log.add({ type: 'category.upsert', scope: EVERY_REGION, payload: json });
    }
    for (const colour of parsed.colours) {
      const json = entityJson(colour);
      if (this.#s.colourData.get(colour.code) === json) continue;
      this.#s.colour.run(colour.code, json);
      log.add({ type: 'colour.upsert', scope: EVERY_REGION, payload: json });
    }

    const incoming = new Set(parsed.products.map(({ product }) => product.styleCode));
    for (const { product, index, json } of parsed.products) {
      const existing = this.#s.productRow.get(product.styleCode) as { id: number; data: string } | undefined;
      if (existing?.data === json) continue;
      const productId = this.#s.putProduct.get(product.styleCode, product.categoryId, json) as number;
      product.variants.forEach((variant, v) => this.#putVariant(variant, productId, existing === undefined, incoming, `products.${index}.variants.${v}`, issues));
      if (existing) {
        const dropped = this.#s.dropVariants.all(productId, JSON.stringify(product.variants.map((v) => v.sku))) as number[];
        for (const variantId of dropped) this.#s.dropStock.run(variantId);
      }
      log.add({ type: 'product.upsert', scope: EVERY_REGION, payload: json });
    }
    issues.throwIfAny('The catalog was refused');
  }

  /**
   * Writes one variant of a product. A new product's variants are plain inserts (the common case of a
   * big publish, one statement each); only when the SKU exists already is its owner looked up.
   */
  #putVariant(variant: Product['variants'][number], productId: number, newProduct: boolean, incoming: ReadonlySet<string>, path: string, issues: Issues): void {
    try {
      if (newProduct) {
        try {
          this.#s.insertVariant.run(variant.sku, variant.gtin, productId, variant.colourCode);
          return;
        } catch (error) {
          // Taken SKU or GTIN: the general path below says which, and whether the SKU may move here.
          if (!isUnique(error, 'variants.')) throw error;
        }
      }
      const owner = this.#s.variantBySku.get(variant.sku) as { productId: number; styleCode: string } | undefined;
      // A SKU may move between products only when its old product is republished in the same write without it.
      if (owner && owner.productId !== productId && !incoming.has(owner.styleCode)) {
        issues.add(`${path}.sku`, `SKU ${variant.sku} belongs to product ${owner.styleCode}`);
        return;
      }
      this.#s.putVariant.run(variant.sku, variant.gtin, productId, variant.colourCode);
    } catch (error) {
      if (!isUnique(error, 'variants.gtin')) throw error;
      issues.add(`${path}.gtin`, `GTIN ${variant.gtin} already belongs to another SKU`);
    }
  }

  /** Deletes products with their variants and stock (a pillar drops them the same way); unknown style codes are skipped. */
  delete(styleCodes: readonly string[], log: LogWriter, issues: Issues): void {
    styleCodes.forEach((code, index) => issues.parse(StyleCode, code, `${index}`));
    issues.throwIfAny('The delete was refused');
    for (const code of new Set(styleCodes)) {
      const existing = this.#s.productRow.get(code) as { id: number } | undefined;
      if (!existing) continue;
      for (const variantId of this.#s.variantIds.all(existing.id) as number[]) this.#s.dropStock.run(variantId);
      this.#s.deleteProduct.run(existing.id);
      log.add({ type: 'product.delete', scope: EVERY_REGION, payload: JSON.stringify(code) });
    }
  }

  #parse(input: CatalogInput, issues: Issues): Parsed {
    const parsed: Parsed = { locations: [], categories: [], colours: [], products: [] };
    forEachOnce(input.locations, (l) => l?.code, 'locations', 'location', issues, (row, i) => push(parsed.locations, issues.parse(Location, row, `locations.${i}`)));
    forEachOnce(input.categories, (c) => c?.id, 'categories', 'category', issues, (row, i) => push(parsed.categories, issues.parse(Category, row, `categories.${i}`)));
    forEachOnce(input.colours, (c) => c?.code, 'colours', 'colour', issues, (row, i) => push(parsed.colours, issues.parse(Colour, row, `colours.${i}`)));

    const categories = new Set(parsed.categories.map((c) => c.id));
    const colours = new Set(parsed.colours.map((c) => c.code));
    const skus = new Map<string, string>();
    const gtins = new Map<string, string>();
    forEachOnce(input.products, (p) => p?.styleCode, 'products', 'product', issues, (row, index) => {
      const product = issues.parse(Product, row, `products.${index}`);
      if (!product) return;
      const path = `products.${index}`;
      if (!categories.has(product.categoryId)) {
        if (this.#s.categoryData.get(product.categoryId) === undefined) issues.add(`${path}.categoryId`, `unknown category "${product.categoryId}"`);
        else categories.add(product.categoryId);
      }
      product.variants.forEach((variant, v) => {
        if (!colours.has(variant.colourCode)) {
          if (this.#s.colourData.get(variant.colourCode) === undefined) issues.add(`${path}.variants.${v}.colourCode`, `unknown colour "${variant.colourCode}"`);
          else colours.add(variant.colourCode);
        }
        const skuOwner = skus.get(variant.sku);
        if (skuOwner !== undefined) issues.add(`${path}.variants.${v}.sku`, `SKU ${variant.sku} is also listed by product ${skuOwner}`);
        skus.set(variant.sku, product.styleCode);
        const gtinOwner = gtins.get(variant.gtin);
        if (gtinOwner !== undefined) issues.add(`${path}.variants.${v}.gtin`, `GTIN ${variant.gtin} is also SKU ${gtinOwner}'s`);
        gtins.set(variant.gtin, variant.sku);
      });
      parsed.products.push({ product, index, json: productJson(product) });
    });
    return parsed;
  }
}

function isUnique(error: unknown, column: string): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && (error as Error).message.includes(column);
}

function push<T>(list: T[], value: T | undefined): void {
  if (value !== undefined) list.push(value);
}

/**
 * Calls `each` for every row whose key is not repeated from an earlier row; a repeat is reported (which
 * of the two should win?) and left out, so it adds no second round of issues.
 */
function forEachOnce<T>(rows: readonly T[] | undefined, key: (row: T) => unknown, path: string, what: string, issues: Issues, each: (row: T, index: number) => void): void {
  const seen = new Map<unknown, number>();
  (rows ?? []).forEach((row, index) => {
    const k = key(row);
    const first = typeof k === 'string' ? seen.get(k) : undefined;
    if (first !== undefined) {
      issues.add(`${path}.${index}`, `repeats ${what} ${String(k)} (also at ${path}.${first})`);
      return;
    }
    if (typeof k === 'string') seen.set(k, index);
    each(row, index);
  });
}
