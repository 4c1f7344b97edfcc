import type { Language } from '../../../../shared/languages';
import { KEY, type LayoutName } from './layouts';

/**
 * The keyboard for checkout fields: letters with capitals for names and addresses, an e-mail layout with
 * `@`, `.` and `.com` at hand, and number pads where only digits make sense (a mobile number, a postal
 * code of a country that writes it in digits). The search keyboard stays as it is (`LAYOUTS`).
 */
export type FieldKind = 'text' | 'email' | 'phone' | 'postal';

export type Layouts = Partial<Record<LayoutName, string[]>>;

/** A postal code's separator where the country writes one (`123 45`, `00-950`), for its number pad. */
export type PostalSeparator = ' ' | '-' | null;

/** How a shopper's text should start with capitals: every word (names, streets) or each sentence (notes). */
export type Capitalize = 'words' | 'sentences' | 'none';

/** `.com`: one key for the end most e-mail addresses share. */
export const DOT_COM = '.com';

const DIGITS = `1 2 3 4 5 6 7 8 9 0 ${KEY.backspace}`;
const LATIN = ['q w e r t y u i o p', 'a s d f g h j k l', `${KEY.shift} z x c v b n m , .`];
/** Apostrophes and hyphens in names (O'Neill, Anna-Karin), slashes in flat numbers (12/3). */
const LAST = `' - / ${KEY.space} ${KEY.search}`;

const TEXT: Record<Language, Layouts> = {
  en: { default: [DIGITS, ...LATIN, LAST] },
  sv: { default: [DIGITS, 'q w e r t y u i o p å', 'a s d f g h j k l ö ä', `${KEY.shift} z x c v b n m , .`, LAST] },
  pl: { default: [DIGITS, 'ą ć ę ł ń ó ś ź ż', ...LATIN, LAST] },
  // Greek names and streets carry the tonos: the accented vowels have a row (no dead key to learn).
  el: {
    default: [DIGITS, 'ά έ ή ί ό ύ ώ ϊ ϋ', 'ς ε ρ τ υ θ ι ο π', 'α σ δ φ γ η ξ κ λ', `${KEY.shift} ζ χ ψ ω β ν μ , .`, `${KEY.toLatin} ${LAST}`],
    latin: [DIGITS, ...LATIN, `${KEY.toGreek} ${LAST}`],
  },
};

/** E-mail addresses are Latin in every language; no space key (an address has none). */
const EMAIL: Layouts = { default: [DIGITS, 'q w e r t y u i o p', 'a s d f g h j k l', 'z x c v b n m _ -', `@ . ${DOT_COM} ${KEY.search}`] };

const PAD = ['1 2 3', '4 5 6', '7 8 9'];

/** The keys for a field: its kind, in the shopper's language, with capitals where letters have them. */
export function formLayouts(kind: FieldKind, language: Language, postalSeparator: PostalSeparator = null): Layouts {
  switch (kind) {
    case 'text':
      return withCapitals(TEXT[language]);
    case 'email':
      return EMAIL;
    case 'phone':
      // `+` for a number given in international form (+46 …); spaces are the shopper's to leave out.
      return { default: [...PAD, `+ 0 ${KEY.backspace}`, KEY.search] };
    case 'postal': {
      const separator = postalSeparator === ' ' ? KEY.space : postalSeparator;
      return { default: [...PAD, [separator, '0', KEY.backspace].filter(Boolean).join(' '), KEY.search] };
    }
  }
}

/** Whether a field is typed on a number pad (narrow, in the middle) rather than the full keyboard. */
export function isPad(kind: FieldKind): boolean {
  return kind === 'phone' || kind === 'postal';
}

/**
 * Each layout again in capitals (`shift`, `latinShift`): letters only; digits, signs and `.com` stay.
 * Not the Greek locale's upper case: that drops the tonos (right for text in all capitals, wrong for the
 * capital that starts a name: Άννα).
 */
function withCapitals(layouts: Layouts): Layouts {
  const upper = (rows: string[]): string[] =>
    rows.map((row) =>
      row
        .split(' ')
        .map((key) => (key.length === 1 ? key.toUpperCase() : key))
        .join(' '),
    );
  return {
    ...layouts,
    ...(layouts.default ? { shift: upper(layouts.default) } : {}),
    ...(layouts.latin ? { latinShift: upper(layouts.latin) } : {}),
  };
}

/**
 * Whether the next letter typed at `caret` starts a word (or a sentence) and so goes in as a capital:
 * the way a phone's keyboard capitalises a name as it is typed.
 */
export function startsCapital(value: string, caret: number, capitalize: Capitalize): boolean {
  if (capitalize === 'none') return false;
  const before = value.slice(0, Math.max(0, Math.min(caret, value.length)));
  if (before.trim() === '') return true;
  if (capitalize === 'words') return /[\s-]$/u.test(before);
  return /[.!?]\s+$/u.test(before);
}
