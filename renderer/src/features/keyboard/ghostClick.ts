/**
 * Swallows the click that follows the current touch. The keyboard acts on pointerdown; when a key makes
 * the keyboard go away (Search), the browser's click for that same touch would land on whatever is
 * under the finger now (a result, the call-staff button). It is dropped, and a new touch starts clean.
 */
export function swallowClickOfThisTouch(): void {
  const swallow = (event: MouseEvent): void => {
    event.preventDefault();
    event.stopPropagation();
    stop();
  };
  const stop = (): void => {
    window.removeEventListener('click', swallow, { capture: true });
    window.removeEventListener('pointerdown', stop, { capture: true });
  };
  window.addEventListener('click', swallow, { capture: true });
  // The next touch is a new gesture: its click is the shopper's.
  window.addEventListener('pointerdown', stop, { capture: true });
}
