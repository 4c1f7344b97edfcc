import { useLayoutEffect, type RefObject } from 'react';

export interface FitOptions {
  /**
   * What must fit: the content's `width` (a header's buttons and words) or its `height` (the attract
   * screen's offer, which gets what room the words around it leave). Default `width`.
   */
  axis?: 'width' | 'height';
  /** Whether the element is rendered now (it may appear after the first render). Default true. */
  shown?: boolean;
}

/**
 * Picks the first of `layouts` (most generous first) in which the element's content fits along `axis`,
 * and sets it as the element's `data-layout` for its stylesheet; the last one is the fallback. Each try
 * is a real layout, judged by whether the content comes out larger than the box, so a long "Start over"
 * in Polish, the bag button appearing, long Greek offer text or text at 150% each find their layout — no
 * size threshold to keep in step with the words. Judged again whenever the element or one of its
 * children resizes, or a child comes or goes (the bag button's group, the next offer).
 */
export function useFitLayout(ref: RefObject<HTMLElement | null>, layouts: readonly string[], { axis = 'width', shown = true }: FitOptions = {}): void {
  const key = layouts.join(' ');
  useLayoutEffect(() => {
    const element = ref.current;
    if (!shown || !element) return;
    const order = key.split(' ');
    const overflows = axis === 'width' ? () => element.scrollWidth > element.clientWidth + 1 : () => element.scrollHeight > element.clientHeight + 1;
    const fit = (): void => {
      for (const layout of order) {
        element.dataset['layout'] = layout;
        if (!overflows()) return;
      }
    };
    // A layout changes the element's size and its children's, but the same sizes always pick the same
    // layout, so the observer settles after one more round.
    const resizes = new ResizeObserver(fit);
    const watch = (): void => {
      resizes.disconnect();
      resizes.observe(element);
      for (const child of element.children) resizes.observe(child);
    };
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
  }, [ref, key, axis, shown]);
}
