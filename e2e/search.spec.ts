import { expect, test } from './fixtures';

test('search: the demo chain loads on first start and a shopper finds Tröja without typing ö', async ({ page, preview }) => {
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.getByRole('button', { name: 'Tryck för att börja' }).click();

  const field = page.getByRole('searchbox', { name: 'Sök' });
  await field.fill('troja');
  const first = page.getByRole('article').first();
  await expect(first).toBeVisible();
  await expect(first.getByRole('heading')).toContainText(/tröja/i);
  await expect(page.getByText(/\d+ produkter?/)).toBeVisible();
  // Stock status always in words, never colour alone.
  await expect(first.getByText(/I den här butiken|I butiker i närheten|Online, fri frakt|Slutsåld/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('search-sv.png') });

  // Results are paged: scrolling to the end brings the next page.
  const grid = page.getByRole('region', { name: /\d+ produkter?/ });
  const firstPageHeight = await grid.evaluate((element) => element.scrollHeight);
  await expect
    .poll(() => grid.evaluate((element) => (element.scrollTo({ top: element.scrollHeight }), element.scrollHeight)))
    .toBeGreaterThan(firstPageHeight);
});

test('search: browsing a category and hostile input never break the screen', async ({ page, preview }) => {
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Touch to start' }).click();
  await page.getByRole('button', { name: 'Jeans' }).click();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByText(/\d+ products/)).toBeVisible();

  // Back from a product, the grid is where the shopper left it (the hidden grid's offset is kept).
  const grid = page.getByRole('region', { name: /\d+ products/ });
  await grid.evaluate((element) => (element.scrollTop = 1500));
  const card = page.locator('[data-index="3"] article').first();
  const name = (await card.getAttribute('aria-label'))!;
  await card.getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect.poll(() => grid.evaluate((element) => Math.round(element.scrollTop))).toBe(1500);
  await page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: 'All', exact: true }).click();

  const field = page.getByRole('searchbox', { name: 'Search' });
  for (const text of ['"*', 'NEAR(', '-) OR (', 'x'.repeat(2000)]) {
    await field.fill(text);
    await expect(page.getByText(/\d+ products?|Nothing found/).first()).toBeVisible();
  }
  await field.fill('zzqqxx');
  await expect(page.getByText('Nothing found. Try fewer or shorter words, or browse the categories.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.getByRole('button', { name: 'Jeans' })).toBeVisible();
});
