/**
 * Tells a barcode scanner from a person typing. The pillar's scanner is a keyboard to the computer: it
 * "types" the code in one fast burst and presses Enter. People are far slower, and the on-screen
 * keyboard sends no key events at all. So every physical keystroke is held for a moment: a burst that
 * ends in Enter is a scan (its characters never reach a text field); anything else is released as the
 * typing it was, in order, a moment late.
 *
 * A burst is judged by its average pace, not by every gap: a scanner behind a busy USB hub or a
 * Bluetooth link can stall for one key, and a scan must not break in two because of it.
 *
 * Pure: times come in as arguments, so the rules are tested without a browser or a clock.
 */

export interface ScanDetectorOptions {
  /** The fewest characters a scan has: EAN-8, the shortest code on a price tag. */
  minLength: number;
  /**
   * The slowest average pace of a scan, ms per key (Enter included). Scanners send a key every 5–30 ms;
   * even a very fast typist averages over 80 ms, and nobody keeps that up for eight keys and Enter.
   */
  maxAverageGapMs: number;
  /** The longest single pause inside a burst; after it, what is held was typing and is released. */
  maxGapMs: number;
}

export const SCAN_DEFAULTS: ScanDetectorOptions = { minLength: 8, maxAverageGapMs: 35, maxGapMs: 120 };

/** What to do with the characters held so far. */
export type ScanAction =
  /** A scan: look the code up; the Enter that ended it goes no further. */
  | { kind: 'scan'; code: string }
  /** These were typed: let them land where the person was typing, before the key that released them. */
  | { kind: 'type'; text: string };

export interface ScanDetector {
  /** A printable character at `at` ms. It is held; characters held before it may be released as typing. */
  character(char: string, at: number): ScanAction | null;
  /** Enter at `at` ms: a scan when it ends a burst; otherwise the held characters are typing and Enter is the person's. */
  enter(at: number): ScanAction | null;
  /** Time passed (call it `maxGapMs` after the last key): a burst that stopped without Enter was typing. */
  settle(at: number): ScanAction | null;
  /** Any other key (Backspace, an arrow, a shortcut): whatever is held is released first, so keys keep their order. */
  interrupt(): ScanAction | null;
  /** Whether characters are held (and a `settle` is due). */
  readonly holding: boolean;
}

export function createScanDetector(options: ScanDetectorOptions = SCAN_DEFAULTS): ScanDetector {
  const { minLength, maxAverageGapMs, maxGapMs } = options;
  // Characters held, with no pause longer than maxGapMs among them (a longer one releases what came before).
  let held: string[] = [];
  let firstAt = 0;
  let lastAt = 0;

  const release = (): ScanAction | null => {
    const text = held.join('');
    held = [];
    return text ? { kind: 'type', text } : null;
  };

  return {
    character(char, at) {
      let released: ScanAction | null = null;
      if (held.length > 0 && at - lastAt > maxGapMs) {
        // Too long a pause for a scanner: what was held was typed, and this character may start a scan of its own.
        released = release();
      }
      if (held.length === 0) firstAt = at;
      held.push(char);
      lastAt = at;
      return released;
    },
    enter(at) {
      // One gap per character: between them, and from the last one to Enter.
      const averageGap = (at - firstAt) / Math.max(1, held.length);
      if (held.length >= minLength && at - lastAt <= maxGapMs && averageGap <= maxAverageGapMs) {
        const code = held.join('');
        held = [];
        return { kind: 'scan', code };
      }
      return release();
    },
    settle(at) {
      if (held.length === 0 || at - lastAt <= maxGapMs) return null;
      return release();
    },
    interrupt() {
      return release();
    },
    get holding() {
      return held.length > 0;
    },
  };
}
