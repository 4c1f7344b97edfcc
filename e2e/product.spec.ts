import { sizeMissingHere, startDemoHq, type DemoHq, type MissingHere } from './demoChain';
import { expect, test, type PreviewHost } from './fixtures';
import { literally } from './i18n';

/**
 * A shopper looks for a size this store does not have: the product page says where it is (the nearest
 * store, how far, open or not), offers free delivery and a hold, shows the stores that have it with
 * their hours, and a call for staff is answered. The reference HQ serves the demo chain; the spec sets
 * the one variant's stock itself, so it never depends on what the demo generator happened to stock.
 */
let demo: DemoHq;
let missing: MissingHere;

test.beforeAll(async () => {
  demo = await startDemoHq();
  missing = await sizeMissingHere(demo.hq);
});

test.afterAll(async () => {
  await demo.close();
});

let preview: PreviewHost & { stop(): Promise<void> };
test.beforeEach(async () => {
  preview = await demo.pillar();
});
test.afterEach(async () => {
  await preview.stop();
});

// The pillar provisions from HQ first, then the shopper walks the whole journey: longer than one screen's test.
test.describe.configure({ timeout: 120_000 });

test('product: a size missing here shows the nearest store that has it, free delivery, the stores and their hours; staff come when called', async ({ page }) => {
  const { styleCode, size, storeName } = missing;
  const productName = missing.productName.en;
  const colourName = missing.colourName.en;
  await page.goto(preview.url);
  await page.getByRole('button', { name: /Touch to start/ }).click({ timeout: 60_000 });
  await page.getByRole('searchbox', { name: 'Search' }).fill(styleCode);
  await page.getByRole('button', { name: productName, exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: productName })).toBeVisible();
  await page.getByRole('button', { name: colourName, exact: true }).click();
  await expect(page.getByRole('button', { name: colourName, exact: true })).toHaveAttribute('aria-pressed', 'true');

  // The size says where it is before it is even tapped: in words, with the nearest store's distance.
  const sizeTile = page.getByRole('button', { name: new RegExp(`^${literally(size)}: At 1 nearby store, Nearest \\d+(,\\d)? km, (open|closed) now$`) });
  await expect(sizeTile).toBeVisible();
  await sizeTile.click();
  await expect(sizeTile).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: `Size ${size}, ${colourName}` })).toBeVisible();
  await expect(page.getByText('Not in this store right now, but 1 store nearby has it.')).toBeVisible();
  await expect(page.getByText(new RegExp(`^Nearest: ${literally(storeName)}, \\d+(,\\d)? km away — (open|closed) now$`))).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('product-missing-here-en.png') });

  // Free delivery leads: one tap puts it in the bag (the whole order is e2e/orders.spec.ts); the hold is offered beside it.
  await page.getByRole('button', { name: 'Order online — free delivery' }).click();
  const added = page.getByRole('dialog', { name: 'Added to your bag' });
  await expect(added.getByText('Home delivery')).toBeVisible();
  await added.getByRole('button', { name: 'Keep shopping' }).click();
  await expect(added).toBeHidden();
  await expect(page.getByRole('button', { name: new RegExp(`^Hold at ${literally(storeName)} \\(\\d+(,\\d)? km, (open|closed) now\\)$`) })).toBeVisible();

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
  await expect(page.getByRole('heading', { name: new RegExp(`^Νούμερο ${literally(size)}, `) })).toBeVisible();
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
