import { describe, expect, it } from 'vitest';
import { ifNoneMatch } from './etag';
import { parseRange } from './ranges';

describe('parseRange', () => {
  it('reads a closed, an open and a suffix range within the file', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=100-', 1000)).toEqual({ start: 100, end: 999 });
    expect(parseRange('bytes=-10', 1000)).toEqual({ start: 990, end: 999 });
  });

  it('clips a range that runs past the end, and a suffix longer than the file', () => {
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('answers unsatisfiable for a range that starts at or past the end', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });

  it('ignores what it does not serve or cannot read: the whole file goes out instead', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('bytes=0-10,20-30', 1000)).toBeNull();
    expect(parseRange('bytes=50-10', 1000)).toBeNull();
    expect(parseRange('items=0-10', 1000)).toBeNull();
    expect(parseRange('bytes=-', 1000)).toBeNull();
    expect(parseRange('bytes=99999999999999999999-', 1000)).toBeNull();
  });
});

describe('ifNoneMatch', () => {
  it('matches the tag, weakly, in a list, or *', () => {
    expect(ifNoneMatch('"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatch('W/"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatch('"x", "abc"', '"abc"')).toBe(true);
    expect(ifNoneMatch('*', '"abc"')).toBe(true);
    expect(ifNoneMatch('"abd"', '"abc"')).toBe(false);
    expect(ifNoneMatch(undefined, '"abc"')).toBe(false);
  });
});
