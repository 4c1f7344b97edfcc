import { describe, expect, it } from 'vitest';
import { createScanDetector, SCAN_DEFAULTS, type ScanAction, type ScanDetector } from './scanDetector';

type Key = { char: string } | 'Enter' | 'Backspace';

/**
 * Feeds keys `gapMs` apart (a number, or one gap per key) the way the DOM layer does: a character, Enter
 * or another key, and a settle whenever the detector is holding and the next key is late. Returns what
 * landed where: typed text in order, scans, and whether each Enter went through.
 */
function feed(detector: ScanDetector, keys: Key[], gapMs: number | number[], maxGapMs = SCAN_DEFAULTS.maxGapMs) {
  const typed: string[] = [];
  const scans: string[] = [];
  const entersPassed: number[] = [];
  const apply = (action: ScanAction | null): void => {
    if (action?.kind === 'type') typed.push(action.text);
    if (action?.kind === 'scan') scans.push(action.code);
  };
  let at = 1000;
  keys.forEach((key, index) => {
    const gap = typeof gapMs === 'number' ? gapMs : (gapMs[index] ?? 0);
    // The DOM layer's timer fires maxGapMs after the last key when nothing else came.
    if (detector.holding && gap > maxGapMs) apply(detector.settle(at + maxGapMs + 1));
    at += gap;
    if (key === 'Enter') {
      const action = detector.enter(at);
      apply(action);
      if (action?.kind !== 'scan') entersPassed.push(index);
    } else if (key === 'Backspace') {
      apply(detector.interrupt());
    } else {
      apply(detector.character(key.char, at));
    }
  });
  apply(detector.settle(at + 10_000));
  return { typed: typed.join(''), scans, entersPassed };
}

const chars = (text: string): Key[] => [...text].map((char) => ({ char }));

describe('scan detector', () => {
  it('scanner: an EAN-13 in a 10 ms burst ending in Enter is a scan, and none of it is typed', () => {
    const result = feed(createScanDetector(), [...chars('7350012345671'), 'Enter'], 10);
    expect(result.scans).toEqual(['7350012345671']);
    expect(result.typed).toBe('');
    expect(result.entersPassed).toEqual([]);
  });

  it('scanner: a person typing a search lands every letter, in order, and their Enter goes through', () => {
    const result = feed(createScanDetector(), [...chars('jeans blå'), 'Enter'], 140);
    expect(result.scans).toEqual([]);
    expect(result.typed).toBe('jeans blå');
    expect(result.entersPassed).toEqual([9]);
  });

  it('scanner: a person typing a barcode’s digits by hand is typing, not a scan', () => {
    const result = feed(createScanDetector(), [...chars('73500123'), 'Enter'], 180);
    expect(result.scans).toEqual([]);
    expect(result.typed).toBe('73500123');
  });

  it('scanner: a slower scanner (30 ms a key) is still a scanner', () => {
    const result = feed(createScanDetector(), [...chars('40123455'), 'Enter'], 30);
    expect(result.scans).toEqual(['40123455']);
    expect(result.typed).toBe('');
  });

  it('scanner: one stalled key inside a fast burst (a busy USB hub) does not break the scan in two', () => {
    const gaps = [0, 10, 95, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
    const result = feed(createScanDetector(), [...chars('7350012345671'), 'Enter'], gaps);
    expect(result.scans).toEqual(['7350012345671']);
    expect(result.typed).toBe('');
  });

  it('scanner: a very fast typist (70 ms a key) is still typing', () => {
    const result = feed(createScanDetector(), [...chars('tshirt blue'), 'Enter'], 70);
    expect(result.scans).toEqual([]);
    expect(result.typed).toBe('tshirt blue');
    expect(result.entersPassed).toEqual([11]);
  });

  it('scanner: keys 60 ms apart are too slow for a scan: the digits are typed and Enter is left to the field', () => {
    const result = feed(createScanDetector(), [...chars('7350012345671'), 'Enter'], 60);
    expect(result.scans).toEqual([]);
    expect(result.typed).toBe('7350012345671');
    expect(result.entersPassed).toEqual([13]);
  });

  it('scanner: a fast burst shorter than any barcode (a quick double key) is typing', () => {
    const result = feed(createScanDetector(), [...chars('ab'), 'Enter'], 5);
    expect(result.scans).toEqual([]);
    expect(result.typed).toBe('ab');
    expect(result.entersPassed).toEqual([2]);
  });

  it('scanner: a burst that stops without Enter is given back as typing, not lost', () => {
    const result = feed(createScanDetector(), chars('7350012345671'), 10);
    expect(result.scans).toEqual([]);
    expect(result.typed).toBe('7350012345671');
  });

  it('scanner: a scan right after some typing keeps both apart', () => {
    const gaps = [0, 150, 150, 400, ...Array<number>(13).fill(8)];
    const result = feed(createScanDetector(), [...chars('top'), ...chars('7350012345671'), 'Enter'], gaps);
    expect(result.typed).toBe('top');
    expect(result.scans).toEqual(['7350012345671']);
  });

  it('scanner: an Enter that comes long after the burst is the person’s, and the burst was typing', () => {
    const gaps = [...Array<number>(8).fill(10), 500];
    const result = feed(createScanDetector(), [...chars('12345670'), 'Enter'], gaps);
    expect(result.scans).toEqual([]);
    expect(result.typed).toBe('12345670');
    expect(result.entersPassed).toEqual([8]);
  });

  it('scanner: another key (Backspace) releases what is held first, so keys keep their order', () => {
    const detector = createScanDetector();
    expect(detector.character('a', 0)).toBeNull();
    expect(detector.holding).toBe(true);
    expect(detector.interrupt()).toEqual({ kind: 'type', text: 'a' });
    expect(detector.holding).toBe(false);
    expect(detector.interrupt()).toBeNull();
  });

  it('scanner: settling early holds on; settling after the longest pause releases', () => {
    const detector = createScanDetector({ minLength: 8, maxAverageGapMs: 35, maxGapMs: 120 });
    detector.character('x', 100);
    expect(detector.settle(200)).toBeNull();
    expect(detector.settle(221)).toEqual({ kind: 'type', text: 'x' });
  });

  it('scanner: two scans in a row are two scans', () => {
    const result = feed(createScanDetector(), [...chars('73500123'), 'Enter', ...chars('40123455'), 'Enter'], [0, ...Array<number>(8).fill(9), 800, ...Array<number>(8).fill(9)]);
    expect(result.scans).toEqual(['73500123', '40123455']);
    expect(result.typed).toBe('');
  });
});
