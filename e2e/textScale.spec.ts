import path from 'node:path';
import type { Page } from '@playwright/test';
import { LANGUAGE_NAMES, LANGUAGES } from '../shared/languages';
import { sizeMissingHere, startDemoHq, type DemoHq, type MissingHere } from './demoChain';
import { expect, test } from './fixtures';
import { literally, wordsOf } from './i18n';

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
 * What does not fit on the visible screen: an element reaching past the screen's left or right edge
 * (outside a sideways-scrolling row, which is meant to), and any text cut off by a box that hides its
 * overflow (an ellipsis, a clamped line, a word spilling out of a button).
 */
async function layoutProblems(page: Page): Promise<string[]> {
  // Runs in the page; the e2e project has no DOM types, so the page's own objects come through `body`.
  return page.locator('body').evaluate((body) => {
    type Element = typeof body;
    const document = body.ownerDocument;
    const window = document.defaultView!;
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const describe = (element: Element): string => {
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? '';
      return `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> "${name}"`;
    };
    const style = (element: Element) => window.getComputedStyle(element);
    const scrollable = (value: string): boolean => value === 'auto' || value === 'scroll';
    // A row meant to scroll sideways (chips, pictures: no taller than its content); a screen that scrolls
    // down must still fit the width. (`overflow-x: auto` alone computes `overflow-y` to auto as well.)
    const scrollsSideways = (element: Element): boolean =>
      scrollable(style(element).overflowX) && element.scrollHeight <= element.clientHeight + 1;
    const scrollsDown = (element: Element): boolean => scrollable(style(element).overflowY) && !scrollsSideways(element);
    // A screen reader's words, hidden on purpose (1 px, clipped): not shown text.
    const visuallyHidden = (element: Element): boolean => {
      const rect = element.getBoundingClientRect();
      return rect.width <= 1 && rect.height <= 1;
    };
    const screens: Element[] = [...document.querySelectorAll('main')].filter((main: Element) => main.getClientRects().length > 0);
    const fixed: Element[] = [...document.querySelectorAll('body *')].filter((element: Element) => style(element).position === 'fixed');
    for (const root of [...screens, ...fixed]) {
      for (const element of [root, ...root.querySelectorAll('*')]) {
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0 || visuallyHidden(element)) continue;
        let inScroller = false;
        for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
          if (scrollsSideways(up)) inScroller = true;
        }
        if (!inScroller && (rect.right > width + 1 || rect.left < -1)) {
          problems.push(`past the screen's edge (${Math.round(rect.left)}–${Math.round(rect.right)} of ${width} px): ${describe(element)}`);
        }
      }
      const walker = document.createTreeWalker(root, window.NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (!text || !parent || parent.getClientRects().length === 0) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        // The nearest box that clips its overflow (a scroller only hides what is scrolled away: not a cut).
        for (let up: Element | null = parent; up && up !== document.body; up = up.parentElement) {
          if (visuallyHidden(up)) break;
          if (scrollsSideways(up)) break;
          const edge = up.getBoundingClientRect();
          const cutSideways = box.right > edge.right + 1 || box.left < edge.left - 1;
          // Scrolled out of view up or down is not cut off; sideways, in a screen that scrolls only down, it is.
          if (scrollsDown(up)) {
            if (cutSideways) problems.push(`text cut off: "${text.slice(0, 60)}" in ${describe(up)}`);
            break;
          }
          const overflow = style(up);
          if (![overflow.overflowX, overflow.overflowY].some((value) => value === 'hidden' || value === 'clip')) continue;
          if (cutSideways || box.bottom > edge.bottom + 1 || box.top < edge.top - 1) {
            problems.push(`text cut off: "${text.slice(0, 60)}" in ${describe(up)}`);
          }
          break;
        }
      }
    }
    return [...new Set(problems)];
  });
}

/** The root font size (which every rem follows) at `percent` of what the pillar's stylesheet gives it. */
async function scaleText(page: Page, percent: number): Promise<void> {
  await page.locator('html').evaluate((root, factor) => {
    root.style.fontSize = '';
    if (factor !== 1) root.style.fontSize = `${parseFloat(root.ownerDocument.defaultView!.getComputedStyle(root).fontSize) * factor}px`;
  }, percent / 100);
}

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
