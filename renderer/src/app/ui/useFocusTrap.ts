import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

interface FocusTrapOptions {
  /** What takes the focus when the panel opens. */
  initialFocus(panel: HTMLElement): HTMLElement | null;
  /** Escape: the panel should close. */
  onEscape(): void;
  /** Where the focus goes back to on closing; by default whatever had it when the panel opened. */
  returnTo?: HTMLElement | null;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal panel's keyboard focus: taken when it opens, kept inside while it is open (Tab and Shift+Tab
 * wrap around), Escape closes it, and on closing the focus goes back to the button that opened it, so
 * a keyboard or switch user carries on where they were. Returns the panel's `onKeyDown`.
 */
export function useFocusTrap(panel: RefObject<HTMLElement | null>, options: FocusTrapOptions): (event: KeyboardEvent) => void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const opener = latest.current.returnTo ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    if (panel.current) latest.current.initialFocus(panel.current)?.focus({ preventScroll: true });
    return () => {
      // Only if the opener is still on screen: a product opened by a scan has replaced the results.
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [panel]);

  return (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      latest.current.onEscape();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const inside = panel.current.contains(document.activeElement);
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };
}
