import { useLayoutEffect, type RefObject } from 'react';

/**
 * Picks the first of `layouts` (most generous first) in which the element's children fit its width,
 * and sets it as the element's `data-layout` for its stylesheet; the last one is the fallback. Each try
 * is a real layout, judged by whether the content comes out wider than the box, so a long "Start over"
 * in Polish, the bag button appearing, or text at 150% each find their layout — no width threshold to
 * keep in step with the words. Judged again whenever the element or one of its children resizes.
 */
export function useFitLayout(ref: RefObject<HTMLElement | null>, layouts: readonly string[]): void {
  const key = layouts.join(' ');
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const order = key.split(' ');
    const fit = (): void => {
      for (const layout of order) {
        element.dataset['layout'] = layout;
        if (element.scrollWidth <= element.clientWidth + 1) return;
      }
    };
    // A layout changes the element's height and its children's widths, but the same sizes always pick
    // the same layout, so the observer settles after one more round.
    const resizes = new ResizeObserver(fit);
    const watch = (): void => {
      resizes.disconnect();
      resizes.observe(element);
      for (const child of element.children) resizes.observe(child);
    };
    // A child that comes or goes (the bag button's group, a screen's extra action) changes what fits.
    const children = new MutationObserver(() => {
      watch();
      fit();
    });
    children.observe(element, { childList: true });
    watch();
    fit();
    return () => {
      resizes.disconnect();
      children.disconnect();
    };
  }, [ref, key]);
}
