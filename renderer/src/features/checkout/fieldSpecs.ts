import type { Capitalize, FieldKind, PostalSeparator } from '../keyboard/formLayouts';

/** The checkout's typed fields (the delivery day and text-message switch are chosen, not typed). */
export type TextFieldName = 'name' | 'phone' | 'email' | 'line1' | 'line2' | 'postalCode' | 'city' | 'safePlace';

export interface FieldSpec {
  /** Which keys the pillar's keyboard shows for it. */
  keyboard: FieldKind;
  capitalize: Capitalize;
  /** The contract's limit (`shared/sync/upstream.ts`): the field takes no more. */
  maxLength: number;
  /** For a physical keyboard or a screen reader: what the field holds. */
  autoComplete: string;
  type: 'text' | 'tel';
}

/** A country's postal codes: in digits (typed on a number pad) with the separator it writes, or anything else. */
export interface PostalFormat {
  digits: boolean;
  separator: PostalSeparator;
}

/**
 * Countries whose postal codes are digits only, with their separator. A country not listed (letters in
 * its codes, as in the UK or the Netherlands, or simply not known here) gets the full keyboard: the core
 * checks the format either way.
 */
const DIGIT_POSTAL_CODES: Readonly<Record<string, PostalSeparator>> = {
  SE: ' ',
  GR: ' ',
  CZ: ' ',
  SK: ' ',
  PL: '-',
  PT: '-',
  DE: null,
  AT: null,
  CH: null,
  DK: null,
  NO: null,
  FI: null,
  FR: null,
  IT: null,
  ES: null,
  BE: null,
  EE: null,
  HU: null,
  SI: null,
  HR: null,
  BG: null,
  RO: null,
  CY: null,
  LU: null,
};

export function postalFormat(country: string | null): PostalFormat {
  if (country !== null && country in DIGIT_POSTAL_CODES) return { digits: true, separator: DIGIT_POSTAL_CODES[country] ?? null };
  return { digits: false, separator: null };
}

export function fieldSpec(name: TextFieldName, country: string | null): FieldSpec {
  switch (name) {
    case 'name':
      return { keyboard: 'text', capitalize: 'words', maxLength: 100, autoComplete: 'name', type: 'text' };
    case 'phone':
      return { keyboard: 'phone', capitalize: 'none', maxLength: 40, autoComplete: 'tel', type: 'tel' };
    case 'email':
      // Not type="email": its caret cannot be set, so the scanner's listener could not hand a physical
      // keyboard's quick typing back to it (and the pillar's own keyboard types at the caret).
      return { keyboard: 'email', capitalize: 'none', maxLength: 254, autoComplete: 'email', type: 'text' };
    case 'line1':
      return { keyboard: 'text', capitalize: 'words', maxLength: 100, autoComplete: 'address-line1', type: 'text' };
    case 'line2':
      return { keyboard: 'text', capitalize: 'words', maxLength: 100, autoComplete: 'address-line2', type: 'text' };
    case 'postalCode':
      return {
        keyboard: postalFormat(country).digits ? 'postal' : 'text',
        capitalize: 'none',
        maxLength: 16,
        autoComplete: 'postal-code',
        type: 'text',
      };
    case 'city':
      return { keyboard: 'text', capitalize: 'words', maxLength: 60, autoComplete: 'address-level2', type: 'text' };
    case 'safePlace':
      return { keyboard: 'text', capitalize: 'sentences', maxLength: 200, autoComplete: 'off', type: 'text' };
  }
}
