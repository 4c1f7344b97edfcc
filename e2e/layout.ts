import type { Page } from '@playwright/test';

/**
 * What does not fit on the visible screen: an element reaching past the screen's left or right edge
 * (outside a sideways-scrolling row, which is meant to), any text or control cut off by a box that hides
 * its overflow (an ellipsis, a clamped line, a word spilling out of a button), and a button floating over
 * the screen (call staff) that covers words or a control of it — unless a dialog covers the screen.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  // Runs in the page; the e2e project has no DOM types, so the page's own objects come through `body`.
  return page.locator('body').evaluate((body) => {
    type Element = typeof body;
    type DOMRectLike = { left: number; top: number; right: number; bottom: number };
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
    // A control cut off by a box that hides its overflow (not a scroller: scrolled away is not cut off).
    for (const root of [...screens, ...fixed]) {
      for (const control of root.querySelectorAll('button, input, a[href]') as Iterable<Element>) {
        const box = control.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || visuallyHidden(control)) continue;
        for (let up: Element | null = control.parentElement; up && up !== document.body; up = up.parentElement) {
          const overflow = style(up);
          if (scrollable(overflow.overflowX) || scrollable(overflow.overflowY)) break;
          if (![overflow.overflowX, overflow.overflowY].some((value) => value === 'hidden' || value === 'clip')) continue;
          const edge = up.getBoundingClientRect();
          if (box.left < edge.left - 1 || box.right > edge.right + 1 || box.top < edge.top - 1 || box.bottom > edge.bottom + 1) {
            problems.push(`control cut off: ${describe(control)} in ${describe(up)}`);
            break;
          }
        }
      }
    }
    problems.push(...floatingOverlaps());
    return [...new Set(problems)];

    /** The part of `box` the shopper sees: inside every box above it that clips or scrolls. */
    function visiblePart(box: DOMRectLike, from: Element): DOMRectLike | null {
      let { left, top, right, bottom } = box;
      for (let up: Element | null = from; up && up !== document.body; up = up.parentElement) {
        const overflow = style(up);
        if (overflow.overflowX === 'visible' && overflow.overflowY === 'visible') continue;
        const edge = up.getBoundingClientRect();
        left = Math.max(left, edge.left);
        top = Math.max(top, edge.top);
        right = Math.min(right, edge.right);
        bottom = Math.min(bottom, edge.bottom);
      }
      return right - left > 1 && bottom - top > 1 ? { left, top, right, bottom } : null;
    }

    /** Small fixed elements (not a dialog's full-screen scrim) over the words and controls of the screen. */
    function floatingOverlaps(): string[] {
      const full = (rect: DOMRectLike): boolean => rect.right - rect.left >= width - 1 && rect.bottom - rect.top >= document.documentElement.clientHeight - 1;
      if (fixed.some((element) => full(element.getBoundingClientRect()))) return [];
      const found: string[] = [];
      for (const floating of fixed) {
        const over = floating.getBoundingClientRect();
        if (over.width === 0 || over.height === 0) continue;
        const hits = (box: DOMRectLike | null): boolean =>
          box !== null && box.left < over.right - 1 && box.right > over.left + 1 && box.top < over.bottom - 1 && box.bottom > over.top + 1;
        for (const root of screens) {
          for (const control of root.querySelectorAll('button, input, a[href]') as Iterable<Element>) {
            if (!floating.contains(control) && hits(visiblePart(control.getBoundingClientRect(), control.parentElement))) {
              found.push(`${describe(floating)} covers the control ${describe(control)}`);
            }
          }
          const walker = document.createTreeWalker(root, window.NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!node.textContent?.trim() || !parent || floating.contains(parent)) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            if (hits(visiblePart(range.getBoundingClientRect(), parent))) {
              found.push(`${describe(floating)} covers the words "${node.textContent.trim().slice(0, 60)}"`);
            }
          }
        }
      }
      return found;
    }
  });
}

/** The root font size (which every rem follows) at `percent` of what the pillar's stylesheet gives it. */
export async function scaleText(page: Page, percent: number): Promise<void> {
  await page.locator('html').evaluate((root, factor) => {
    root.style.fontSize = '';
    if (factor !== 1) root.style.fontSize = `${parseFloat(root.ownerDocument.defaultView!.getComputedStyle(root).fontSize) * factor}px`;
  }, percent / 100);
}

