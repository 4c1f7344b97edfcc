import { createScanDetector, SCAN_DEFAULTS, type ScanAction } from './scanDetector';

/** Keys that only modify others: the scanner presses Shift for capitals, so they must not break a burst. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

type OnScan = (code: string) => void;

/**
 * Who hears scans: the newest listener only (a screen mounted over another takes them), and the window
 * listener is installed once, while anyone listens.
 */
const listeners: OnScan[] = [];
let uninstall: (() => void) | null = null;

/**
 * Hears the barcode scanner anywhere in the app: `onScan` gets each scanned code; what a person types on
 * a physical keyboard still lands where they type, a few milliseconds late. Returns the way to stop.
 */
export function listenForScans(onScan: OnScan): () => void {
  listeners.push(onScan);
  uninstall ??= install((code) => listeners.at(-1)?.(code));
  return () => {
    const index = listeners.lastIndexOf(onScan);
    if (index >= 0) listeners.splice(index, 1);
    if (listeners.length === 0) {
      uninstall?.();
      uninstall = null;
    }
  };
}

function install(onScan: OnScan): () => void {
  const detector = createScanDetector(SCAN_DEFAULTS);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const act = (action: ScanAction | null): void => {
    if (action?.kind === 'type') typeIntoFocusedField(action.text);
    else if (action?.kind === 'scan') onScan(action.code);
  };
  const settleLater = (): void => {
    clearTimeout(timer);
    if (detector.holding) timer = setTimeout(() => act(detector.settle(performance.now())), SCAN_DEFAULTS.maxGapMs + 1);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (MODIFIERS.has(event.key) || event.isComposing) return;
    // The page's clock when the key is seen (not the event's own timestamp): the same clock as the
    // settle timer's, and one a test can hold still while it plays a scanner.
    const at = performance.now();
    // Shortcuts and held-down keys are a person's: release what is held, then let the key act.
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
      act(detector.interrupt());
      settleLater();
      return;
    }
    if (event.key === 'Enter') {
      const action = detector.enter(at);
      if (action?.kind === 'scan') {
        // The scanner's Enter must not submit or activate whatever has focus.
        event.preventDefault();
        event.stopPropagation();
      }
      act(action);
    } else if ([...event.key].length === 1) {
      // Held, not typed: if this turns out to be a scan, none of it may reach a text field.
      event.preventDefault();
      act(detector.character(event.key, at));
    } else {
      act(detector.interrupt());
    }
    settleLater();
  };

  window.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    clearTimeout(timer);
    window.removeEventListener('keydown', onKeyDown, { capture: true });
  };
}

/** The input types with a caret (`setRangeText` throws on the others). */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'password']);

/**
 * Puts typed text where the person is typing, as the browser would have: at the caret of the focused
 * field, announced with an `input` event so React's onChange sees it. Nowhere to type: it is dropped, as
 * the browser would drop it.
 */
function typeIntoFocusedField(text: string): void {
  const field = document.activeElement;
  const editable =
    (field instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(field.type)) || field instanceof HTMLTextAreaElement;
  if (!editable || field.readOnly || field.disabled) return;
  const room = field.maxLength >= 0 ? Math.max(0, field.maxLength - field.value.length + selectionLength(field)) : text.length;
  const fits = [...text].slice(0, room).join('');
  if (!fits) return;
  field.setRangeText(fits, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: fits }));
}

function selectionLength(field: HTMLInputElement | HTMLTextAreaElement): number {
  return (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
}
