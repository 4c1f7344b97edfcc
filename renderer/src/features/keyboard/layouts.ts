import type { Language } from '../../../../shared/languages';

/**
 * The on-screen keyboard's layouts, one per language, in simple-keyboard's notation (rows of keys split
 * by spaces; `{name}` is a function key). Letters are lower case because search ignores case; digits
 * and the hyphen are always there for style codes (NV-10042) and sizes (W32). Every letter of the
 * language has its own key: there is no long press on a pillar.
 */
export type LayoutName = 'default' | 'latin' | 'shift' | 'latinShift';

/** Function keys; the keyboard component gives each its label and action. */
export const KEY = {
  backspace: '{bksp}',
  space: '{space}',
  search: '{enter}',
  /** Greek only: to Latin letters (style codes and brand names are Latin) and back. */
  toLatin: '{latin}',
  toGreek: '{greek}',
  /** Forms only (names, addresses): capitals for the next letter. */
  shift: '{shift}',
} as const;

const DIGITS = `1 2 3 4 5 6 7 8 9 0 ${KEY.backspace}`;

const LATIN = ['q w e r t y u i o p', 'a s d f g h j k l', 'z x c v b n m -'];

export const LAYOUTS: Record<Language, Partial<Record<LayoutName, string[]>>> = {
  en: { default: [DIGITS, ...LATIN, `${KEY.space} ${KEY.search}`] },
  sv: {
    default: [DIGITS, 'q w e r t y u i o p å', 'a s d f g h j k l ö ä', 'z x c v b n m -', `${KEY.space} ${KEY.search}`],
  },
  // Polish letters on a row of their own above QWERTY, as a Polish shopper's phone shows them on long press.
  pl: {
    default: [DIGITS, 'ą ć ę ł ń ó ś ź ż', ...LATIN, `${KEY.space} ${KEY.search}`],
  },
  // The Greek standard layout's letters (ς where Greek keyboards have it); search ignores tonos.
  el: {
    default: [DIGITS, 'ς ε ρ τ υ θ ι ο π', 'α σ δ φ γ η ξ κ λ', 'ζ χ ψ ω β ν μ -', `${KEY.toLatin} ${KEY.space} ${KEY.search}`],
    latin: [DIGITS, ...LATIN, `${KEY.toGreek} ${KEY.space} ${KEY.search}`],
  },
};

/** The keys of a layout, in order, as typed characters or function-key names. */
export function keysOf(rows: readonly string[]): string[] {
  return rows.flatMap((row) => row.split(' '));
}
