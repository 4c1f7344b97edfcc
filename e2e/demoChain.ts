import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHq, type RunningHq } from '../hq/server';
import type { Language } from '../shared/languages';
import { startPreview, type PreviewHost } from './previewHost';

/** The demo chain's flagship: the store every pillar in these specs stands in. */
export const STORE = 'se-sto-drottninggatan';

export interface DemoHq {
  hq: RunningHq;
  /** A pillar in the flagship store talking to this HQ, with its own data folder (and any extra settings). */
  pillar(extra?: Record<string, unknown>): Promise<PreviewHost & { stop(): Promise<void> }>;
  close(): Promise<void>;
}

/** The reference HQ serving the demo chain from a temporary folder. */
export async function startDemoHq(): Promise<DemoHq> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pillar-e2e-hq-'));
  const hq = await startHq({ dataDir: dir, port: 0, demo: 'demo', log: false });
  return {
    hq,
    async pillar(extra = {}) {
      const token = await hq.issueKioskToken(STORE);
      return startPreview({
        config: {
          store: { id: STORE, name: 'Stockholm Drottninggatan' },
          hq: { url: hq.url, token },
          branding: { name: 'NORRVIK', accent: '#1f4d3a' },
          ...extra,
        },
      });
    },
    async close() {
      await hq.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A size this store does not have, but one nearby store and the online warehouse do. */
export interface MissingHere {
  styleCode: string;
  productName: Record<Language, string>;
  colourName: Record<Language, string>;
  size: string;
  /** The one nearby store that has the size. */
  storeName: string;
  /** The jeans category's name, to browse a full grid of results. */
  jeansName: Record<Language, string>;
}

const inEvery = (names: Partial<Record<Language, string>>): Record<Language, string> => ({
  en: names.en!,
  sv: names.sv ?? names.en!,
  pl: names.pl ?? names.en!,
  el: names.el ?? names.en!,
});

/**
 * Picks a product in two colours or more and takes its second colour's middle size out of this store
 * and every nearby store but one (some left online), through HQ's stock API, so a spec never depends on
 * what the demo generator happened to stock.
 */
export async function sizeMissingHere(hq: RunningHq): Promise<MissingHere> {
  const region = (await hq.store.region(STORE))!;
  const state = await hq.store.regionState(region);
  const product = state.products.find((p) => new Set(p.variants.map((v) => v.colourCode)).size > 1)!;
  const colourCode = [...new Set(product.variants.map((v) => v.colourCode))][1]!;
  const sizes = product.variants.filter((v) => v.colourCode === colourCode);
  const variant = sizes[Math.floor(sizes.length / 2)]!;
  const nearbyCode = region.nearby[0]!;
  const changes = [region.home, ...region.nearby, region.warehouse!].map((location) => ({
    sku: variant.sku,
    location,
    quantity: location === nearbyCode ? 2 : location === region.warehouse ? 3 : 0,
  }));
  const answer = await fetch(`${hq.url}/v1/stock`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hq.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'count', changes }),
  });
  if (answer.status !== 200) throw new Error(`HQ refused the stock change: ${answer.status} ${await answer.text()}`);
  const jeans = [...state.categories].find((category) => category.id === 'jeans')!;
  return {
    styleCode: product.styleCode,
    productName: inEvery(Object.fromEntries(Object.entries(product.texts).map(([lang, text]) => [lang, text!.name]))),
    colourName: inEvery(state.colours.find((c) => c.code === colourCode)!.names),
    size: variant.size,
    storeName: state.locations.find((l) => l.code === nearbyCode)!.name,
    jeansName: inEvery(jeans.names),
  };
}
