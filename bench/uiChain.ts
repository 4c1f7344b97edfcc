import type { Product, StockTuple } from '../shared/sync/entities';
import { STORE, startDemoHq, type DemoHq } from '../e2e/demoChain';
import type { PreviewHost } from '../e2e/previewHost';

/** Results the scroll runs over: the issue asks for a grid of at least 1,000. */
export const MIN_RESULTS = 1_000;

export interface UiChain {
  /** The pillar's page (the preview host, provisioned from HQ). */
  url: string;
  /** The category whose grid has at least `MIN_RESULTS` products, and how many it has. */
  category: { id: string; name: string; products: number };
  stop(): Promise<void>;
}

/**
 * The reference HQ with the demo chain (600 products) and as many copies of its jeans as it takes for
 * one category to hold `MIN_RESULTS` — each copy its own style code, SKUs and GTINs, in stock here — and
 * a pillar provisioned from it (the real preview host, as the e2e tests start it).
 */
export async function startUiChain(): Promise<UiChain> {
  const demo = await startDemoHq();
  let pillar: (PreviewHost & { stop(): Promise<void> }) | null = null;
  try {
    const category = await addJeans(demo);
    pillar = await demo.pillar();
    const host = pillar;
    return {
      url: host.url,
      category,
      async stop() {
        await host.stop();
        await demo.close();
      },
    };
  } catch (error) {
    await pillar?.stop();
    await demo.close();
    throw error;
  }
}

async function addJeans(demo: DemoHq): Promise<UiChain['category']> {
  const region = (await demo.hq.store.region(STORE))!;
  const state = await demo.hq.store.regionState(region);
  const jeans = state.products.filter((product) => product.categoryId === 'jeans');
  const copies = Math.ceil((MIN_RESULTS - jeans.length) / jeans.length);
  const products: Product[] = [];
  const stock: StockTuple[] = [];
  const now = Date.now();
  let serial = 0;
  for (let copy = 1; copy <= copies; copy++) {
    for (const product of jeans) {
      const variants = product.variants.map((variant) => ({ ...variant, sku: `${variant.sku}-B${copy}`, gtin: benchGtin(++serial) }));
      products.push({ ...product, styleCode: `${product.styleCode}-B${copy}`, variants, related: [] });
      for (const variant of variants) stock.push([variant.sku, STORE, 1 + (serial % 4), now]);
    }
  }
  await demo.hq.store.publishCatalog({ products, stock });
  const name = [...state.categories].find((category) => category.id === 'jeans')!.names.en!;
  return { id: 'jeans', name, products: jeans.length * (copies + 1) };
}

/** An EAN-13 in the in-store range (prefix 2), never printed on a real product, with its check digit. */
function benchGtin(serial: number): string {
  const body = `2${String(serial).padStart(11, '0')}`;
  const sum = [...body].reverse().reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}
