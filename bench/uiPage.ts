import type { CDPSession, Locator, Page } from '@playwright/test';

/**
 * What the UI benchmark measures inside the page, on the page's own clock. The bench's TypeScript
 * project has no DOM types, so the page's objects are reached through an element handed to `evaluate`.
 */

/** The results grid (the scrolling region that names the count, e.g. "1120 products"). */
export const resultGrid = (page: Page): Locator => page.locator('[role="region"][data-total]');

/**
 * Taps the card at `column` of grid row `row` and answers how long it took, in the page, from the tap
 * (the `pointerdown` event's time) until the product page's heading — the card's product name — was
 * painted: the frame after it entered the page (`requestAnimationFrame`, then a task that runs once that
 * frame is produced).
 */
export async function tapToProduct(page: Page, row: number, column: number, timeout: number): Promise<number> {
  const card = page.locator(`[data-index="${row}"] article`).nth(column);
  const name = await card.getAttribute('aria-label', { timeout });
  if (!name) throw new Error(`row ${row} has no card at column ${column}`);
  await page.locator('body').evaluate((body, expected) => {
    const document = body.ownerDocument;
    const window = document.defaultView!;
    window.__pillarTap = new Promise<number>((resolve) => {
      let tappedAt = Number.NaN;
      window.addEventListener('pointerdown', (event: { timeStamp: number }) => (tappedAt = event.timeStamp), { capture: true, once: true });
      const shown = (): boolean =>
        [...document.querySelectorAll('main h1')].some((heading: typeof body) => heading.textContent === expected && heading.getClientRects().length > 0);
      const observer = new window.MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        window.requestAnimationFrame(() => {
          const channel = new window.MessageChannel();
          channel.port1.onmessage = () => resolve(window.performance.now() - tappedAt);
          channel.port2.postMessage(0);
        });
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, name);
  await card.tap({ timeout });
  return page.locator('body').evaluate((body) => body.ownerDocument.defaultView!.__pillarTap as Promise<number>);
}

/** Scrolls the grid to its end until every result is loaded (the grid pages in as the shopper scrolls). */
export async function loadEveryResult(page: Page): Promise<number> {
  const grid = resultGrid(page);
  for (;;) {
    const { loaded, total } = await grid.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
      return { loaded: Number(element.dataset.loaded), total: Number(element.dataset.total) };
    });
    if (loaded >= total) {
      await grid.evaluate((element) => (element.scrollTop = 0));
      return total;
    }
    await grid.locator(`xpath=self::*[@data-loaded != "${loaded}"]`).waitFor({ timeout: 30_000 });
  }
}

export interface ScrollRun {
  /** Time between consecutive frames (ms), as `requestAnimationFrame` saw them. */
  frameTimesMs: number[];
  /** How far the grid moved (px) and over how long (s). */
  distancePx: number;
  seconds: number;
}

/**
 * The grid scrolled from its top to its end at a steady `speedPxPerS` through Chromium's own input
 * pipeline (`Input.synthesizeScrollGesture`: smooth wheel scrolling, run by the compositor as a finger's
 * is; a synthesized touch drag does not scroll in headless Chromium), while the page records every
 * frame's start with `requestAnimationFrame`.
 */
export async function scrollGrid(page: Page, cdp: CDPSession, speedPxPerS: number): Promise<ScrollRun> {
  const grid = resultGrid(page);
  const box = (await grid.boundingBox())!;
  const distance = await grid.evaluate((element) => element.scrollHeight - element.clientHeight);
  await grid.evaluate((element) => {
    element.scrollTop = 0;
    const window = element.ownerDocument.defaultView!;
    const frames: number[] = [];
    window.__pillarFrames = frames;
    window.__pillarRecording = true;
    const record = (time: number): void => {
      frames.push(time);
      if (window.__pillarRecording) window.requestAnimationFrame(record);
    };
    window.requestAnimationFrame(record);
  });
  const started = performance.now();
  await cdp.send('Input.synthesizeScrollGesture', {
    x: Math.round(box.x + box.width / 2),
    y: Math.round(box.y + box.height / 2),
    yDistance: -distance,
    speed: speedPxPerS,
    gestureSourceType: 'mouse',
    preventFling: true,
  });
  const seconds = (performance.now() - started) / 1000;
  const { frames, top } = await grid.evaluate((element) => {
    const window = element.ownerDocument.defaultView!;
    window.__pillarRecording = false;
    return { frames: window.__pillarFrames as number[], top: element.scrollTop as number };
  });
  const frameTimesMs = frames.slice(1).map((time, index) => time - frames[index]!);
  return { frameTimesMs, distancePx: Math.round(top), seconds };
}
