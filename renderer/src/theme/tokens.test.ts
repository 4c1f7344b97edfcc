import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio } from '../../../shared/color';

const TOKENS_CSS = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

/** Every `--name: value;` declaration in tokens.css, comments removed. */
const tokens = new Map(
  [...TOKENS_CSS.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]),
);

/** A token that must be a `#rrggbb` colour; a missing one, or one written another way, fails loudly. */
function colour(name: string): string {
  const value = tokens.get(name);
  if (value === undefined) throw new Error(`tokens.css has no ${name}`);
  if (!/^#[0-9a-fA-F]{6}$/.test(value)) throw new Error(`${name} is "${value}", not #rrggbb, so its contrast cannot be checked`);
  return value;
}

const BACKGROUNDS = ['--color-bg', '--color-surface', '--color-surface-sunken'];
const STATUS_COLOURS = [...tokens.keys()].filter((name) => name.startsWith('--color-status-'));
const TEXT_COLOURS = ['--color-text', '--color-text-muted', ...STATUS_COLOURS, '--color-danger'];

/** Every text-on-background pair the UI uses, as [text, background]. */
const TEXT_PAIRS: [string, string][] = [
  ...TEXT_COLOURS.flatMap((text) => BACKGROUNDS.map((background): [string, string] => [text, background])),
  ['--color-on-accent', '--color-accent'],
  // The stale-stock note: its words, and its amber icon held to the text bar too, so it reads at a glance.
  ['--color-text', '--color-notice-soft'],
  ['--color-text-muted', '--color-notice-soft'],
  ['--color-status-nearby', '--color-notice-soft'],
  // Staff mode: the band, and the staff panels' tinted rows.
  ['--color-on-staff', '--color-staff'],
  ['--color-text', '--color-staff-soft'],
  ['--color-text-muted', '--color-staff-soft'],
  ['--color-staff', '--color-surface'],
  ['--color-danger', '--color-staff-soft'],
];

describe('design tokens', () => {
  it('tokens: the stock statuses all have a colour to check', () => {
    // Guards the filter above: if the names changed, the status colours would silently drop out of the check.
    expect(STATUS_COLOURS).toEqual(
      expect.arrayContaining(['--color-status-here', '--color-status-nearby', '--color-status-online', '--color-status-soldout']),
    );
  });

  it.each(TEXT_PAIRS)('tokens: %s on %s meets WCAG AA for text (4.5:1)', (text, background) => {
    const ratio = contrastRatio(colour(text), colour(background));
    expect(ratio, `${text} ${colour(text)} on ${background} ${colour(background)} is ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('tokens: the smallest touch target is at least 48 px (3rem at the 16 px base)', () => {
    const value = tokens.get('--target-min');
    const size = /^(\d+(?:\.\d+)?)(rem|px)$/.exec(value ?? '');
    if (!size) throw new Error(`--target-min is "${value}", not a rem or px length`);
    const px = Number(size[1]) * (size[2] === 'rem' ? 16 : 1);
    expect(px).toBeGreaterThanOrEqual(48);
  });
});

describe('shared/color', () => {
  it('color: black on white is the maximum contrast, 21:1, either way round', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#FFFFFF', '#000000')).toBeCloseTo(21, 10);
  });

  it('color: a colour against itself is 1:1', () => {
    for (const hex of ['#000000', '#ffffff', '#1f4d3a', '#a8251c']) expect(contrastRatio(hex, hex)).toBe(1);
  });

  it('color: AA for normal text is 4.5:1', () => {
    expect(AA_TEXT).toBe(4.5);
  });

  it('color: anything but #rrggbb is refused rather than guessed', () => {
    for (const bad of ['', '#fff', 'ffffff', '#ggggggg', '#gggggg', 'red', 'rgb(0, 0, 0)', '#1f4d3a80', ' #1f4d3a']) {
      expect(() => contrastRatio(bad, '#ffffff'), bad).toThrow(/#rrggbb/);
      expect(() => contrastRatio('#ffffff', bad), bad).toThrow(/#rrggbb/);
    }
  });
});
