import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startHq, type RunningHq } from '../hq/server';
import { expect, startPreview, test, type PreviewHost } from './fixtures';

/**
 * Finding a product the ways a shopper does: typing on the pillar's own keyboard (with a typo, without
 * the Swedish letters), filtering by size, and scanning a price tag — whose code opens the product with
 * that very variant chosen, or, when we do not sell it, says so kindly. The reference HQ serves the demo
 * chain; the products are picked from its data, so the spec never depends on what the generator drew.
 */
const STORE = 'se-sto-drottninggatan';
let hq: RunningHq;
let hqDir: string;

interface Picked {
  /** A product whose Swedish name starts with a place name with å, ä or ö. */
  typed: { nameSv: string; query: string };
  scanned: { nameEn: string; gtin: string; colourName: string; size: string };
  filter: { categoryName: string; size: string; inSize: number; inCategory: number };
}
let picked: Picked;

/** What a shopper types for a word with diacritics: the letters without their marks. */
const plain = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

test.beforeAll(async () => {
  hqDir = mkdtempSync(path.join(tmpdir(), 'pillar-e2e-hq-'));
  hq = await startHq({ dataDir: hqDir, port: 0, demo: 'demo', log: false });
  const region = (await hq.store.region(STORE))!;
  const state = await hq.store.regionState(region);

  // Typed: "smogne troja" for "Smögen Tröja …": one typo, no diacritics, on the on-screen keyboard.
  const named = state.products
    .map((p) => ({ p, words: p.texts.sv!.name.split(' ') }))
    .find(({ words }) => words.length >= 2 && words[0]!.length >= 5 && /[åäö]/i.test(words[0]!) && /[åäö]/i.test(words[1]!));
  const [place, garment] = named!.words.map(plain) as [string, string];
  const typo = place.slice(0, -2) + place.at(-1)! + place.at(-2)!;

  // Scanned: a product in two colours or more, its second colour's first size.
  const scannedProduct = state.products.find((p) => new Set(p.variants.map((v) => v.colourCode)).size > 1)!;
  const colourCode = [...new Set(scannedProduct.variants.map((v) => v.colourCode))][1]!;
  const variant = scannedProduct.variants.find((v) => v.colourCode === colourCode)!;

  // Filtered: jeans in a waist and length some jeans do not come in.
  const jeans = state.products.filter((p) => p.categoryId === 'jeans');
  const sizes = [...new Set(jeans.flatMap((p) => p.variants.map((v) => v.size)))];
  const withSize = (size: string): number => jeans.filter((p) => p.variants.some((v) => v.size === size)).length;
  const size = sizes.find((s) => withSize(s) > 0 && withSize(s) < jeans.length)!;

  picked = {
    typed: { nameSv: named!.p.texts.sv!.name, query: `${typo} ${garment}` },
    scanned: {
      nameEn: scannedProduct.texts.en!.name,
      gtin: variant.gtin,
      colourName: state.colours.find((c) => c.code === colourCode)!.names.en!,
      size: variant.size,
    },
    filter: { categoryName: 'Jeans', size, inSize: withSize(size), inCategory: jeans.length },
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

// The pillar provisions from HQ before the shopper's first touch.
test.describe.configure({ timeout: 90_000 });

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Taps the keys of `text` on the on-screen keyboard, a space as the space bar. */
async function typeOnScreen(page: Page, keyboardName: string, spaceName: string, text: string): Promise<void> {
  const keyboard = page.getByRole('group', { name: keyboardName });
  for (const char of text) {
    await keyboard.getByRole('button', { name: char === ' ' ? spaceName : char, exact: true }).tap();
  }
}

/** Whether the pillar has its catalog (what the start screen's freshness line shows, asked directly). */
async function catalogReady(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const response = await fetch('/api/catalog.categories', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"lang":"en"}' });
    return ((await response.json()) as { ok: boolean }).ok;
  });
}

/**
 * A scanner: the code as a burst of keystrokes a few milliseconds apart, then Enter. The page's clock
 * stands still meanwhile: on a loaded test machine Playwright's keystrokes can arrive 100 ms apart,
 * which a real scanner's never do (the detector's timing itself is unit-tested).
 */
async function scan(page: Page, code: string): Promise<void> {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.clock.resume();
}

test('find: a Swedish shopper types with a typo and without å ä ö on the pillar’s keyboard and finds the product', async ({ page }) => {
  const { nameSv, query } = picked.typed;
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.getByRole('button', { name: /Tryck för att börja/ }).click({ timeout: 60_000 });

  const field = page.getByRole('searchbox', { name: 'Sök' });
  await field.tap();
  // The pillar's own keyboard, never the system's: the field asks for none.
  await expect(field).toHaveAttribute('inputmode', 'none');
  const keyboard = page.getByRole('group', { name: 'Tangentbord' });
  await expect(keyboard.getByRole('button', { name: 'å', exact: true })).toBeVisible();
  await expect(keyboard.getByRole('button', { name: 'ö', exact: true })).toBeVisible();

  await typeOnScreen(page, 'Tangentbord', 'mellanslag', query);
  await expect(field).toHaveValue(query);
  await keyboard.getByRole('button', { name: 'Sök', exact: true }).tap();
  await expect(keyboard).toBeHidden();

  await expect(page.getByRole('status').filter({ hasText: /Visar resultat för/ })).toBeVisible();
  await expect(page.getByRole('article', { name: nameSv })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('find-typed-sv.png') });

  // Backspace mends the last letter, as on any keyboard.
  await field.tap();
  await keyboard.getByRole('button', { name: 'Radera' }).tap();
  await expect(field).toHaveValue(query.slice(0, -1));

  // A physical keyboard (staff's) still types into the field: only a scanner's bursts are held back.
  await field.fill('');
  await page.keyboard.type('jeans', { delay: 120 });
  await expect(field).toHaveValue('jeans');
});

test('find: filtering jeans by size keeps exactly the jeans made in that size, and the filter comes off again', async ({ page }) => {
  const { categoryName, size, inSize, inCategory } = picked.filter;
  await page.goto(preview.url);
  await page.getByRole('button', { name: /Touch to start/ }).click({ timeout: 60_000 });
  await page.getByRole('button', { name: categoryName, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${inCategory} products` })).toBeVisible();

  const sizeChip = page.getByRole('button', { name: 'Size', exact: true });
  await sizeChip.tap();
  const sheet = page.getByRole('dialog', { name: 'Filter' });
  // A modal for keyboard and switch users too: Tab goes round inside it, Escape gives the focus back to the chip.
  await expect(sheet.getByRole('button', { name: 'Close filters' })).toBeFocused();
  const stops = await sheet.locator('button:not([disabled])').count();
  for (let press = 0; press <= stops; press++) {
    await page.keyboard.press('Tab');
    expect(await sheet.evaluate((element) => element.contains(element.ownerDocument.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await sheet.evaluate((element) => element.contains(element.ownerDocument.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(sizeChip).toBeFocused();

  await sizeChip.tap();
  await sheet.getByRole('button', { name: size, exact: true }).tap();
  await expect(sheet.getByRole('button', { name: size, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await sheet.getByRole('button', { name: new RegExp(`^Show ${inSize} products?$`) }).tap();
  await expect(sheet).toBeHidden();

  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${inSize} products?$`) })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Size · 1' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('find-filtered-en.png') });

  await page.getByRole('button', { name: `Remove filter: ${size}` }).tap();
  await expect(page.getByRole('status').filter({ hasText: `${inCategory} products` })).toBeVisible();
});

test('find: scanning a price tag opens that product with that colour and size chosen, and none of the code is typed', async ({ page }) => {
  const { nameEn, gtin, colourName, size } = picked.scanned;
  await page.goto(preview.url);
  await page.clock.install();
  await page.getByRole('button', { name: /Touch to start/ }).click({ timeout: 60_000 });
  await expect.poll(() => catalogReady(page), { timeout: 60_000 }).toBe(true);
  // Scanning while the search field has the focus: the code must not land in it.
  const field = page.getByRole('searchbox', { name: 'Search' });
  await field.tap();
  await scan(page, gtin);

  await expect(page.getByRole('heading', { level: 1, name: nameEn })).toBeVisible();
  await expect(page.getByRole('button', { name: colourName, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: new RegExp(`^${escape(size)}:`) })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: test.info().outputPath('find-scanned-en.png') });

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(field).toHaveValue('');
});

test('find: a scan on the attract screen opens the product straight away', async ({ page }) => {
  await page.goto(preview.url);
  await page.clock.install();
  await expect(page.getByRole('button', { name: /Touch to start/ })).toBeVisible({ timeout: 60_000 });
  // The attract screen shows while the first snapshot loads; a scan then is rightly told "not right now".
  await expect.poll(() => catalogReady(page), { timeout: 60_000 }).toBe(true);
  await scan(page, picked.scanned.gtin);
  await expect(page.getByRole('heading', { level: 1, name: picked.scanned.nameEn })).toBeVisible();
});

test('find: a code we do not sell, or no barcode at all, is said kindly with a way on', async ({ page }) => {
  await page.goto(preview.url);
  await page.clock.install();
  await page.getByRole('button', { name: /Touch to start/ }).click({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'What are you looking for?' })).toBeVisible();
  await expect.poll(() => catalogReady(page), { timeout: 60_000 }).toBe(true);

  // A valid EAN-13 that is not in the catalog.
  await scan(page, '4006381333931');
  const notice = page.getByRole('alertdialog', { name: 'We couldn’t find that code' });
  await expect(notice).toContainText('Try the search, or ask staff');
  await page.screenshot({ path: test.info().outputPath('find-unknown-code-en.png') });
  await notice.getByRole('button', { name: 'Close' }).click();
  await expect(notice).toBeHidden();

  // Not a barcode at all (a bad check digit): the same kind words, and "Search instead" opens the keyboard.
  await scan(page, '4006381333932');
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Search instead' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  await expect(page.getByRole('group', { name: 'Keyboard' })).toBeVisible();
});
