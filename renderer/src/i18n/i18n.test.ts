import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../shared/languages';
import { DYNAMIC_KEYS, dynamicKeys } from './dynamicKeys';

const LOCALES_DIR = fileURLToPath(new URL('./locales/', import.meta.url));
const SOURCE_DIR = fileURLToPath(new URL('../', import.meta.url));
/** renderer/: its static pages take `%lang:key%` placeholders filled at build time (the crash-recovery page). */
const PAGES_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** i18next's plural suffixes (cardinal), which map onto `Intl.PluralRules` categories. */
const PLURAL_SUFFIX = /^(.+)_(zero|one|two|few|many|other)$/;

type Strings = Map<string, string>;

/** `{ a: { b: 'x' } }` → `a.b` → `x`; anything that is neither a string nor a nested object is a problem. */
function flatten(node: unknown, prefix: string, into: Strings, problems: string[]): Strings {
  if (typeof node === 'string') {
    into.set(prefix, node);
  } else if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into, problems);
  } else {
    problems.push(`${prefix}: is ${JSON.stringify(node)}, not a string`);
  }
  return into;
}

interface Locale {
  lang: Language;
  strings: Strings;
  /** Plural base key (`idle.body`) → the forms present (`one` → text). */
  plurals: Map<string, Map<string, string>>;
  /** Plain keys as they are, plural keys once as `base (plural)`, so a plain/plural mismatch shows as a difference. */
  keys: Set<string>;
  shapeProblems: string[];
}

function loadLocale(lang: Language): Locale {
  const shapeProblems: string[] = [];
  const json: unknown = JSON.parse(readFileSync(path.join(LOCALES_DIR, `${lang}.json`), 'utf8'));
  const strings = flatten(json, '', new Map(), shapeProblems);
  const plurals = new Map<string, Map<string, string>>();
  const keys = new Set<string>();
  for (const [key, text] of strings) {
    const plural = PLURAL_SUFFIX.exec(key);
    if (plural) {
      const [, base, category] = plural as unknown as [string, string, string];
      const forms = plurals.get(base) ?? new Map<string, string>();
      forms.set(category, text);
      plurals.set(base, forms);
      keys.add(`${base} (plural)`);
    } else {
      keys.add(key);
    }
  }
  return { lang, strings, plurals, keys, shapeProblems };
}

const locales = LANGUAGES.map(loadLocale);
const en = locales.find((locale) => locale.lang === 'en')!;
const others = locales.filter((locale) => locale.lang !== 'en');

/** `{{store}}`, `{{- path}}` (unescaped) and `{{count, number}}` (formatted) all name one variable each. */
function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*-?\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1]!);
  return [...new Set(names)].sort();
}

/** The English text a translation is held to: the same key, or for a plural form English lacks, `_other`. */
function englishFor(key: string): string | undefined {
  const direct = en.strings.get(key);
  if (direct !== undefined) return direct;
  const plural = PLURAL_SUFFIX.exec(key);
  return plural ? en.plurals.get(plural[1]!)?.get('other') : undefined;
}

/** The UI's source files (tests aside), each with its text. */
function sources(): { file: string; source: string }[] {
  return readdirSync(SOURCE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => ({ file, source: readFileSync(path.join(SOURCE_DIR, file), 'utf8') }));
}

/** Every literal key the UI passes to `t('…')` / `t("…")` or `i18nKey="…"`; keys built at run time are skipped. */
function keysUsedInSource(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const { file, source } of sources()) {
    // The literal must be the whole first argument: `t(cond ? 'a' : 'b')` is checked by TypeScript, not here.
    const calls = source.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1\s*[,)]|\bi18nKey=\{?\s*(['"])([^'"\n]+)\3/g);
    for (const match of calls) {
      const key = match[2] ?? match[4]!;
      used.set(key, [...(used.get(key) ?? []), file]);
    }
  }
  return used;
}

/** Every key built at run time in the source, as its family: `t(`status.${status}`)` → `status.*`. */
function familiesBuiltInSource(): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const { file, source } of sources()) {
    for (const match of source.matchAll(/\bt\(\s*`([^`]*)`/g)) {
      const family = match[1]!.replace(/\$\{[^}]*\}/g, '*');
      families.set(family, [...new Set([...(families.get(family) ?? []), file])]);
    }
  }
  return families;
}

/**
 * Every string the UI could hand to `t`: each quoted literal in its source (so `t(cond ? 'a' : 'b')` and a
 * table of keys count), each `%lang:key%` in its static pages, and the keys built at run time as listed
 * in dynamicKeys.ts.
 */
function stringsTheUiCanAskFor(): Set<string> {
  const found = new Set(dynamicKeys());
  for (const { source } of sources()) {
    for (const match of source.matchAll(/(['"])([\w.-]+)\1/g)) found.add(match[2]!);
  }
  for (const page of readdirSync(PAGES_DIR).filter((file) => file.endsWith('.html'))) {
    for (const match of readFileSync(path.join(PAGES_DIR, page), 'utf8').matchAll(/%[a-z]+:([\w.]+)%/g)) found.add(match[1]!);
  }
  return found;
}

describe('i18n: locale files', () => {
  it('i18n: every locale file is nested objects of strings', () => {
    expect(locales.flatMap((locale) => locale.shapeProblems.map((problem) => `${locale.lang}: ${problem}`))).toEqual([]);
  });

  it('i18n: every language has every English key', () => {
    const missing = others.flatMap((locale) =>
      [...en.keys].filter((key) => !locale.keys.has(key)).map((key) => `${locale.lang} lacks ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('i18n: no language has a key English does not', () => {
    const extra = others.flatMap((locale) =>
      [...locale.keys].filter((key) => !en.keys.has(key)).map((key) => `${locale.lang} has ${key}, which en.json does not`),
    );
    expect(extra).toEqual([]);
  });

  it('i18n: a plural key has exactly the plural forms its language uses', () => {
    const problems = locales.flatMap((locale) => {
      const needed = [...new Intl.PluralRules(locale.lang).resolvedOptions().pluralCategories].sort();
      return [...locale.plurals].flatMap(([base, forms]) => {
        const present = [...forms.keys()].sort();
        return JSON.stringify(present) === JSON.stringify(needed)
          ? []
          : [`${locale.lang} ${base}: has _${present.join(', _')} but ${locale.lang} needs _${needed.join(', _')}`];
      });
    });
    expect(problems).toEqual([]);
  });

  it('i18n: no translation is empty', () => {
    const empty = locales.flatMap((locale) =>
      [...locale.strings].filter(([, text]) => text.trim() === '').map(([key]) => `${locale.lang} ${key}`),
    );
    expect(empty).toEqual([]);
  });

  it('i18n: every translation has the same placeholders as English', () => {
    const problems = others.flatMap((locale) =>
      [...locale.strings].flatMap(([key, text]) => {
        const english = englishFor(key);
        if (english === undefined) return []; // reported by the key tests
        const want = placeholders(english);
        const got = placeholders(text);
        return JSON.stringify(got) === JSON.stringify(want)
          ? []
          : [`${locale.lang} ${key}: has {{${got.join('}}, {{')}}} but English has {{${want.join('}}, {{')}}}`];
      }),
    );
    expect(problems).toEqual([]);
  });
});

describe('i18n: the UI', () => {
  it('i18n: every key the UI asks for exists in English', () => {
    const used = keysUsedInSource();
    // Guards the scan itself: if the pattern stopped matching, the check below would pass vacuously.
    expect(used.size).toBeGreaterThan(0);
    const unknown = [...used]
      .filter(([key]) => !en.strings.has(key) && !en.plurals.has(key))
      .map(([key, files]) => `${key} (${files.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('i18n: every key built at run time has its family listed in dynamicKeys.ts, and every listed family is built', () => {
    const built = familiesBuiltInSource();
    expect(built.size).toBeGreaterThan(0);
    const unlisted = [...built]
      .filter(([family]) => !(family in DYNAMIC_KEYS))
      .map(([family, files]) => `t(\`${family}\`) in ${files.join(', ')}: list its values under '${family}' in dynamicKeys.ts`);
    const stale = Object.keys(DYNAMIC_KEYS)
      .filter((family) => !built.has(family))
      .map((family) => `dynamicKeys.ts lists '${family}', which no t(\`…\`) builds any more`);
    expect([...unlisted, ...stale]).toEqual([]);
  });

  it('i18n: every key built at run time exists in English', () => {
    const missing = dynamicKeys().filter((key) => !en.strings.has(key) && !en.plurals.has(key));
    expect(missing).toEqual([]);
  });

  it('i18n: every English key is used by the UI', () => {
    const used = stringsTheUiCanAskFor();
    const unused = [...en.strings.keys()].filter((key) => !used.has(key) && !used.has(PLURAL_SUFFIX.exec(key)?.[1] ?? key));
    expect(unused, 'unused keys: remove them from every locale, or, if built at run time, list them in dynamicKeys.ts').toEqual([]);
  });
});
