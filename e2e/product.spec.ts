import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHq, type RunningHq } from '../hq/server';
import { expect, startPreview, test, type PreviewHost } from './fixtures';

/**
 * A shopper looks for a size this store does not have: the product page says where it is (the nearest
 * store, how far, open or not), offers free delivery and a hold, shows the stores that have it with
 * their hours, and a call for staff is answered. The reference HQ serves the demo chain; the spec sets
 * the one variant's stock itself, so it never depends on what the demo generator happened to stock.
 */
const STORE = 'se-sto-drottninggatan';
let hq: RunningHq;
let hqDir: string;

interface Scenario {
  styleCode: string;
  productName: string;
  colourName: string;
  size: string;
  /** The one nearby store that has the size. */
  storeName: string;
}
let scenario: Scenario;

test.beforeAll(async () => {
  hqDir = mkdtempSync(path.join(tmpdir(), 'pillar-e2e-hq-'));
  hq = await startHq({ dataDir: hqDir, port: 0, demo: 'demo', log: false });
  const region = (await hq.store.region(STORE))!;
  const state = await hq.store.regionState(region);
  // A product in two colours or more, so the shopper has a colour to choose; its second colour's middle size.
  const product = state.products.find((p) => new Set(p.variants.map((v) => v.colourCode)).size > 1)!;
  const colourCode = [...new Set(product.variants.map((v) => v.colourCode))][1]!;
  const sizes = product.variants.filter((v) => v.colourCode === colourCode);
  const variant = sizes[Math.floor(sizes.length / 2)]!;
  const nearbyCode = region.nearby[0]!;
  // Gone from this store and every nearby store but one; some left in the online warehouse.
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
  expect(answer.status).toBe(200);
  scenario = {
    styleCode: product.styleCode,
    productName: product.texts.en!.name,
    colourName: state.colours.find((c) => c.code === colourCode)!.names.en!,
    size: variant.size,
    storeName: state.locations.find((l) => l.code === nearbyCode)!.name,
  };
});

test.afterAll(async () => {
  await hq.close();
  rmSync(hqDir, { recursive: true, force: true });
});

let preview: PreviewHost & { stop(): Promise<void> };
test.beforeEach(async () => {
  const token = await hq.issueKioskToken(STORE);
  preview = await startPreview({
    config: { store: { id: STORE, name: 'Stockholm Drottninggatan' }, hq: { url: hq.url, token }, branding: { name: 'NORRVIK', accent: '#1f4d3a' } },
  });
});
test.afterEach(async () => {
  await preview.stop();
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The pillar provisions from HQ first, then the shopper walks the whole journey: longer than one screen's test.
test.describe.configure({ timeout: 120_000 });

test('product: a size missing here shows the nearest store that has it, free delivery, the stores and their hours; staff come when called', async ({ page }) => {
  const { styleCode, productName, colourName, size, storeName } = scenario;
  await page.goto(preview.url);
  await page.getByRole('button', { name: /Touch to start/ }).click({ timeout: 60_000 });
  await page.getByRole('searchbox', { name: 'Search' }).fill(styleCode);
  await page.getByRole('button', { name: productName, exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: productName })).toBeVisible();
  await page.getByRole('button', { name: colourName, exact: true }).click();
  await expect(page.getByRole('button', { name: colourName, exact: true })).toHaveAttribute('aria-pressed', 'true');

  // The size says where it is before it is even tapped: in words, with the nearest store's distance.
  const sizeTile = page.getByRole('button', { name: new RegExp(`^${escape(size)}: At 1 nearby store, Nearest \\d+(,\\d)? km, (open|closed) now$`) });
  await expect(sizeTile).toBeVisible();
  await sizeTile.click();
  await expect(sizeTile).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: `Size ${size}, ${colourName}` })).toBeVisible();
  await expect(page.getByText('Not in this store right now, but 1 store nearby has it.')).toBeVisible();
  await expect(page.getByText(new RegExp(`^Nearest: ${escape(storeName)}, \\d+(,\\d)? km away — (open|closed) now$`))).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('product-missing-here-en.png') });

  // Free delivery leads; ordering itself comes with the orders work, and the note says so honestly.
  await page.getByRole('button', { name: 'Order online — free delivery' }).click();
  const note = page.getByRole('dialog', { name: 'Ask staff to place this order' });
  await expect(note.getByText('Free home delivery')).toBeVisible();
  await note.getByRole('button', { name: 'Close' }).click();
  await expect(note).toBeHidden();
  await expect(page.getByRole('button', { name: new RegExp(`^Hold at ${escape(storeName)}, \\d+(,\\d)? km$`) })).toBeVisible();

  // The stores that have it: the one nearby store, how far, and its week; online with free delivery.
  await page.getByRole('button', { name: 'See all stores that have it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Where to find it' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '1 store has it' })).toBeVisible();
  const store = page.getByRole('article', { name: storeName });
  await expect(store.getByText(/^\d+(,\d)? km away$/)).toBeVisible();
  await expect(store.getByText(/^(Open now|Closed now)/)).toBeVisible();
  await store.getByRole('button', { name: 'Opening hours this week' }).click();
  await expect(store.getByRole('row', { name: /Today/ })).toBeVisible();
  await expect(page.getByText('Delivered free to your home')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('stores-en.png') });

  // Back on the product, in Greek: the shopper's size is still chosen.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Ελληνικά' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^Νούμερο ${escape(size)}, `) })).toBeVisible();
  await expect(page.getByText(/Σε 1 κοντινό κατάστημα/).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('product-missing-here-el.png') });
  await page.getByRole('button', { name: 'English' }).click();

  // Call staff: someone is coming; a second tap answers the same request.
  await page.getByRole('button', { name: 'Call staff' }).click();
  const help = page.getByRole('dialog', { name: 'Someone is on their way' });
  await expect(help.getByText('Please stay here — a member of staff will be with you shortly.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('call-staff-en.png') });
  await help.getByRole('button', { name: 'OK, thanks' }).click();
  await expect(help).toBeHidden();
  await page.getByRole('button', { name: 'Call staff' }).click();
  await expect(help.getByText('We’ve already let staff know. Someone is on their way.')).toBeVisible();
});
