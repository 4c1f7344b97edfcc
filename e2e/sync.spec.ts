import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHq, type RunningHq } from '../hq/server';
import { expect, startPreview, test } from './fixtures';

/**
 * The real sync path in the browser: the reference HQ with the demo chain, the preview host configured
 * with a pillar token, the UI in Chromium. A stock change posted to HQ shows on screen without a tap.
 */
const STORE = 'se-sto-drottninggatan';
let hq: RunningHq;
let hqDir: string;

test.beforeAll(async () => {
  hqDir = mkdtempSync(path.join(tmpdir(), 'pillar-e2e-hq-'));
  hq = await startHq({ dataDir: hqDir, port: 0, demo: 'demo', log: false });
});

test.afterAll(async () => {
  await hq.close();
  rmSync(hqDir, { recursive: true, force: true });
});

test('sync: the pillar provisions from HQ, and a sale posted to HQ turns a card to "Sold out" without a tap', async ({ page }) => {
  const token = await hq.issueKioskToken(STORE);
  const preview = await startPreview({
    config: { store: { id: STORE, name: 'Stockholm Drottninggatan' }, hq: { url: hq.url, token }, branding: { name: 'NORRVIK', accent: '#1f4d3a' } },
  });
  try {
    // A product with stock in this store only at one location per variant is simplest to sell out.
    const region = await hq.store.region(STORE);
    const state = await hq.store.regionState(region!);
    const inStock = new Map<string, [string, string][]>();
    for (const [sku, location, quantity] of state.stock) if (quantity > 0) inStock.set(sku, [...(inStock.get(sku) ?? []), [sku, location]]);
    const product = state.products.find((p) => p.variants.some((v) => inStock.get(v.sku)?.some(([, l]) => l === STORE)))!;

    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Touch to start' }).click({ timeout: 60_000 });
    await expect(page.getByTestId('stock-freshness')).toContainText(/Stock updated/);
    await page.getByRole('searchbox', { name: 'Search' }).fill(product.styleCode);
    const card = page.getByRole('article').first();
    await expect(card.getByText('In this store')).toBeVisible();

    // The ERP reports every unit of it gone, in every store of the region and online.
    const changes = product.variants.flatMap((v) => (inStock.get(v.sku) ?? []).map(([sku, location]) => ({ sku, location, quantity: 0 })));
    const answer = await fetch(`${hq.url}/v1/stock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hq.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'count', changes }),
    });
    expect(answer.status).toBe(200);
    await expect(card.getByText('Sold out')).toBeVisible({ timeout: 5_000 });
    await page.screenshot({ path: test.info().outputPath('sync-sold-out.png') });
  } finally {
    await preview.stop();
  }
});
