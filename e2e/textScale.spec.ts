import path from 'node:path';
import type { Page } from '@playwright/test';
import { LANGUAGE_NAMES, LANGUAGES } from '../shared/languages';
import { sizeMissingHere, startDemoHq, type DemoHq, type MissingHere } from './demoChain';
import { expect, test } from './fixtures';
import { literally, wordsOf } from './i18n';
import { layoutProblems, scaleText } from './layout';

/**
 * WCAG 1.4.4: text scaled to 150% loses nothing. Every size on the pillar is in rem, so the root font
 * size scaled by half again scales all text (and the layout with it); the start, results and product
 * screens must then neither spill sideways nor cut any words off (size grid, price, buttons included).
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

test.describe.configure({ timeout: 120_000 });
test.use({ reducedMotion: 'reduce' });

/**
 * The screen as it is and with its text at 150%: nothing past the edges, no word cut off; the larger
 * one photographed (`screens/text-150/`).
 */
async function expectEveryWordOnScreen(page: Page, name: string): Promise<void> {
  // Polled: the grid re-flows its columns a frame after the text size changes.
  await expect.poll(() => layoutProblems(page), { message: `${name} at 100%` }).toEqual([]);
  await scaleText(page, 150);
  await expect.poll(() => layoutProblems(page), { message: `${name} at 150%` }).toEqual([]);
  await page.screenshot({ path: path.join(test.info().project.outputDir, 'screens', 'text-150', `${name}.png`), animations: 'disabled' });
  await scaleText(page, 100);
}

for (const lang of LANGUAGES) {
  test(`text: at 150% the start, results and product screens keep every word on screen (${lang})`, async ({ page }) => {
    const t = await wordsOf(lang);
    const pillar = await demo.pillar();
    try {
      await page.goto(pillar.url);
      if (lang !== 'en') await page.getByRole('button', { name: LANGUAGE_NAMES[lang] }).click();
      await page.getByRole('button', { name: new RegExp(literally(t('attract.cta'))) }).click({ timeout: 60_000 });

      // Start: the categories (they come once the catalog is in).
      await expect(page.getByRole('heading', { level: 1, name: t('start.heading') })).toBeVisible();
      await expect(page.getByRole('button', { name: missing.jeansName[lang], exact: true })).toBeVisible({ timeout: 60_000 });
      await expectEveryWordOnScreen(page, `${lang}-start`);

      // Results: the jeans.
      await page.getByRole('button', { name: missing.jeansName[lang], exact: true }).click();
      await expect(page.getByRole('article').first()).toBeVisible();
      await expectEveryWordOnScreen(page, `${lang}-results`);

      // The product with a size chosen that is missing here: the size grid, the price, the offers to order or hold.
      await page.getByRole('group', { name: t('filters.categories') }).getByRole('button', { name: t('filters.allCategories'), exact: true }).click();
      await page.getByRole('searchbox', { name: t('search.label') }).fill(missing.styleCode);
      await page.getByRole('button', { name: missing.productName[lang], exact: true }).click();
      await page.getByRole('button', { name: missing.colourName[lang], exact: true }).click();
      await page.getByRole('button', { name: new RegExp(`^${literally(missing.size)}: `) }).click();
      await expect(page.getByRole('heading', { name: t('product.choice.heading', { size: missing.size, colour: missing.colourName[lang] }) })).toBeVisible();
      await expectEveryWordOnScreen(page, `${lang}-product`);
    } finally {
      await pillar.stop();
    }
  });
}
