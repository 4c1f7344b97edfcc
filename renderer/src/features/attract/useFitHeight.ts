import { useLayoutEffect, type RefObject } from 'react';

/**
 * Picks the first of `layouts` (most generous first) in which the element's content fits its height,
 * and sets it as the element's `data-layout` for its stylesheet; the last one is the fallback. The
 * attract screen's offer gets what room the words around it leave (long Greek or Polish, larger text),
 * so each offer is judged as laid out, not by a height threshold that would drift from the words.
 * Judged again whenever the element or its content resizes, or the content is replaced (the next offer).
 * `shown` says whether the element is rendered now (it may appear after the first render).
 */
export function useFitHeight(ref: RefObject<HTMLElement | null>, layouts: readonly string[], shown: boolean): void {
  const key = layouts.join(' ');
  useLayoutEffect(() => {
    const element = ref.current;
    if (!shown || !element) return;
    const order = key.split(' ');
    const fit = (): void => {
      for (const layout of order) {
        element.dataset['layout'] = layout;
        if (element.scrollHeight <= element.clientHeight + 1) return;
      }
    };
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
  }, [ref, key, shown]);
}
