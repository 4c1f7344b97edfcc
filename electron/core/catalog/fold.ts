/**
 * The one text normalisation of search, used both when indexing and for what a shopper types, so a
 * shopper typing without diacritics still finds the product: 'Tröja' → 'troja', 'Łódź' → 'lodz',
 * 'καφέ' → 'καφε'. SQLite's unicode61 tokenizer cannot do this itself (it keeps Polish ł, and Greek
 * tonos with remove_diacritics 0), so the FTS tables hold text folded here.
 *
 * The rule: Unicode NFKD, lower case, letters NFKD leaves whole mapped (LETTER_MAP), combining marks
 * and apostrophes dropped, every run of anything else that is not a letter or digit → one space.
 */

/** Letters NFKD leaves whole, after lower-casing. Greek final sigma becomes σ so 'καφές' matches 'καφεσ…'. */
const LETTER_MAP: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ς: 'σ',
};

const enum Kind {
  Unknown = 0,
  Keep,
  Drop,
  Space,
  Map,
}

function classify(ch: string): Kind {
  if (LETTER_MAP[ch] !== undefined) return Kind.Map;
  // Apostrophes join rather than split: "Levi's" is searched as 'levis'.
  if (/^[\p{M}'’ʼ`´]$/u.test(ch)) return Kind.Drop;
  if (/^[\p{L}\p{N}]$/u.test(ch)) return Kind.Keep;
  return Kind.Space;
}

// Unicode property regexes cost microseconds per call; indexing folds millions of words, so each
// character is classified once and remembered (64 KiB for the basic plane, a map for the rest).
const basicPlane = new Uint8Array(0x10000);
const astral = new Map<number, Kind>();

const ASCII = Uint8Array.from({ length: 0x80 }, (_, code) => classify(String.fromCharCode(code)));

function kindOf(code: number, ch: string): Kind {
  if (code < 0x10000) {
    let kind = basicPlane[code] as Kind;
    if (kind === Kind.Unknown) basicPlane[code] = kind = classify(ch);
    return kind;
  }
  let kind = astral.get(code);
  if (kind === undefined) astral.set(code, (kind = classify(ch)));
  return kind;
}

export function foldText(s: string): string {
  // NFKD before lower-casing: compatibility forms can decompose to capitals ('Ⅸ' → 'IX'); marks go
  // after lower-casing, which turns 'İ' into 'i' plus a combining dot.
  const text = s.normalize('NFKD').toLowerCase();
  let out = '';
  let space = false;
  let run = 0; // start of the current run of kept characters, copied in one slice
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const kind = code < 0x80 ? (ASCII[code] ?? Kind.Space) : kindOf(code, text.slice(i, i + width));
    if (kind === Kind.Keep) {
      if (space) {
        out += ' ';
        space = false;
      }
      i += width;
      continue;
    }
    out += text.slice(run, i);
    if (kind === Kind.Space) space = out !== '';
    else if (kind === Kind.Map) {
      if (space) {
        out += ' ';
        space = false;
      }
      out += LETTER_MAP[text.charAt(i)] ?? '';
    }
    i += width;
    run = i;
  }
  return out + text.slice(run);
}

/** The words of `s` after folding. */
export function tokens(s: string): string[] {
  const folded = foldText(s);
  return folded === '' ? [] : folded.split(' ');
}

const GREEK_TO_LATIN: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
const GREEK_PAIRS: Readonly<Record<string, string>> = { ου: 'ou', αυ: 'av', ευ: 'ev' };
/** Word-initial pairs Greeks often type as one Latin letter: 'μπλε' → 'ble' as well as 'mple'. */
const GREEK_INITIALS: Readonly<Record<string, string>> = { μπ: 'b', ντ: 'd', γκ: 'g' };

/**
 * A folded Greek word as a Greek shopper types it on a Latin keyboard ("Greeklish"): 'καφε' → 'kafe',
 * 'μπλε' → 'mple' and 'ble'. Empty when the word has no Greek letters. Not part of `foldText`: Greek
 * stays Greek in the index; these spellings are extra ways to reach a Greek word.
 */
export function greeklish(word: string): string[] {
  if (!/[α-ω]/u.test(word)) return [];
  let latin = '';
  for (let i = 0; i < word.length; i++) {
    const pair = GREEK_PAIRS[word.slice(i, i + 2)];
    if (pair !== undefined) {
      latin += pair;
      i++;
    } else latin += GREEK_TO_LATIN[word.charAt(i)] ?? word.charAt(i);
  }
  const initial = GREEK_INITIALS[word.slice(0, 2)];
  const forms = [latin];
  if (initial !== undefined) forms.push(initial + latin.slice(2));
  return forms;
}
