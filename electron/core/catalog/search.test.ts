import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openCache } from '../db/open';
import { tempDir } from '../testing/fixtures';
import { greeklish } from './fold';
import { CatalogSearch, MAX_LIMIT, type SearchQuery, queryWords } from './search';
import { type SearchLang, textWords } from './searchIndex';

type Texts = Record<SearchLang, [name: string, description: string]>;

interface TestProduct {
  code: string;
  category: string;
  brand?: string;
  popularity?: number;
  rating?: [average: number, count: number];
  texts: Texts;
  /** [colour code, size, stock here, stock nearby] */
  variants: [string, string, number, number][];
}

const CATEGORIES: Record<string, Record<SearchLang, string>> = {
  knitwear: { en: 'Knitwear', sv: 'Stickat', pl: 'Dzianina', el: 'Πλεκτά' },
  jeans: { en: 'Jeans', sv: 'Jeans', pl: 'Dżinsy', el: 'Τζιν' },
  shirts: { en: 'Shirts', sv: 'Skjortor', pl: 'Koszule', el: 'Πουκάμισα' },
  tees: { en: 'T-shirts', sv: 'T-shirts', pl: 'Koszulki', el: 'Μπλουζάκια' },
};

const COLOURS: Record<string, Record<SearchLang, string>> = {
  brown: { en: 'Brown', sv: 'Brun', pl: 'Brązowy', el: 'Καφέ' },
  navy: { en: 'Navy', sv: 'Marinblå', pl: 'Granatowy', el: 'Μπλε σκούρο' },
  black: { en: 'Black', sv: 'Svart', pl: 'Czarny', el: 'Μαύρο' },
  white: { en: 'Off-white', sv: 'Benvit', pl: 'Złamana biel', el: 'Υπόλευκο' },
  indigo: { en: 'Indigo', sv: 'Indigo', pl: 'Indygo', el: 'Λουλακί' },
};

const same = (name: string, description = ''): Texts => ({ en: [name, description], sv: [name, description], pl: [name, description], el: [name, description] });

/** A small catalog where each product exists to prove one behaviour. */
const PRODUCTS: TestProduct[] = [
  {
    code: 'NV-1001',
    category: 'knitwear',
    popularity: 500,
    rating: [4.6, 40],
    texts: {
      en: ['Åre Merino Wool Sweater', 'A soft, warm knit. Material: 100% merino wool.'],
      sv: ['Åre Tröja i merinoull', 'Ett mjukt och varmt plagg. Material: 100 % merinoull.'],
      pl: ['Åre Sweter z wełny merynosów', 'Miękka, ciepła dzianina. Materiał: 100% wełna merynosów.'],
      el: ['Åre Πουλόβερ από μαλλί μερινό', 'Μαλακό, ζεστό πλεκτό. Υλικό: 100% μαλλί μερινό.'],
    },
    variants: [
      ['brown', 'S', 0, 2],
      ['brown', 'M', 3, 0],
      ['navy', 'M', 0, 1],
      ['navy', 'L', 0, 4],
    ],
  },
  {
    code: 'NV-1002',
    category: 'knitwear',
    popularity: 300,
    rating: [4.2, 12],
    texts: {
      en: ['Łódź Cardigan', 'Ribbed cuffs that keep their shape.'],
      sv: ['Łódź Kofta', 'Ribbstickade muddar som behåller formen.'],
      pl: ['Łódź Kardigan', 'Prążkowane ściągacze, które zachowują kształt.'],
      el: ['Łódź Ζακέτα', 'Ριμπ μανσέτες που κρατούν το σχήμα τους.'],
    },
    variants: [
      ['black', 'S', 1, 0],
      ['black', 'M', 0, 0],
    ],
  },
  {
    code: 'NV-1003',
    category: 'jeans',
    popularity: 900,
    rating: [4.4, 80],
    texts: {
      en: ['Visby Slim Jeans', 'Five-pocket jeans that fade beautifully.'],
      sv: ['Visby Slim jeans', 'Femficksjeans som bleknar vackert.'],
      pl: ['Visby Dżinsy slim', 'Dżinsy z pięcioma kieszeniami.'],
      el: ['Visby Στενό τζιν', 'Τζιν με πέντε τσέπες.'],
    },
    variants: [
      ['indigo', 'W30 L32', 0, 3],
      ['indigo', 'W32 L32', 0, 0],
    ],
  },
  {
    // 'tröja' only in the description: found, but below every product named 'tröja'.
    code: 'NV-1004',
    category: 'shirts',
    popularity: 5000,
    rating: [4.9, 200],
    texts: {
      en: ['Kiruna Oxford Shirt', 'Wear it under a sweater.'],
      sv: ['Kiruna Oxfordskjorta', 'Passar under en tröja.'],
      pl: ['Kiruna Koszula oksfordzka', 'Pasuje pod sweter.'],
      el: ['Kiruna Πουκάμισο Oxford', 'Ταιριάζει κάτω από πουλόβερ.'],
    },
    variants: [['white', 'M', 2, 0]],
  },
  {
    code: 'NV-1005',
    category: 'knitwear',
    popularity: 100,
    rating: [3.0, 3],
    texts: {
      en: ['Ystad Cable-Knit Sweater', 'A chunky knit.'],
      sv: ['Ystad Flätstickad tröja', 'Ett tjockt plagg.'],
      pl: ['Ystad Sweter w warkocze', 'Gruba dzianina.'],
      el: ['Ystad Πουλόβερ με πλεξούδες', 'Χοντρό πλεκτό.'],
    },
    variants: [['navy', 'XL', 0, 0]],
  },
  // Identical texts: only rating and popularity tell them apart.
  { code: 'NV-2001', category: 'tees', popularity: 50, rating: [4.8, 60], texts: same('Smögen Tee'), variants: [['white', 'M', 0, 0]] },
  { code: 'NV-2002', category: 'tees', popularity: 50, rating: [2.5, 60], texts: same('Smögen Tee'), variants: [['white', 'M', 0, 0]] },
  { code: 'NV-2003', category: 'tees', popularity: 70, rating: [4.0, 10], texts: same('Naxos Tee'), variants: [['white', 'M', 0, 0]] },
  { code: 'NV-2004', category: 'tees', popularity: 10, rating: [4.0, 10], texts: same('Naxos Tee'), variants: [['white', 'M', 0, 0]] },
  // Popular and well rated, but 'tee' is only the start of a word of its name.
  { code: 'NV-2005', category: 'tees', popularity: 4000, rating: [4.9, 300], texts: same('Orust Teeny Top'), variants: [['white', 'S', 0, 0]] },
];

/** Filler for the paging tests: tees in every popularity, none in stock here. */
const FILLER: TestProduct[] = Array.from({ length: 30 }, (_, i) => ({
  code: `NV-3${String(i).padStart(3, '0')}`,
  category: 'tees',
  popularity: i,
  texts: same(`Runö Basic Tee ${i}`),
  variants: [['black', 'L', 0, 1]],
}));

function insertCatalog(db: Db, products: TestProduct[]): void {
  const location = db.prepare(
    `INSERT INTO locations (id, code, kind, name, address, postal_code, city, country, lat, lon, time_zone, phone, opening_hours)
     VALUES (?, ?, ?, ?, '', '', 'Stockholm', 'SE', 59.3, 18.0, 'Europe/Stockholm', '', '[]')`,
  );
  db.transaction(() => {
    location.run(1, 'se-home', 'store', 'Home');
    location.run(2, 'se-nearby', 'store', 'Nearby');
    db.prepare("INSERT INTO meta (key, value) VALUES ('region', ?)").run(JSON.stringify({ home: 'se-home', nearby: ['se-nearby'], warehouse: null }));
    const category = db.prepare('INSERT INTO categories (id, sort, names) VALUES (?, ?, ?)');
    Object.entries(CATEGORIES).forEach(([id, names], sort) => category.run(id, sort, JSON.stringify(names)));
    const colour = db.prepare("INSERT INTO colours (code, hex, names) VALUES (?, '#000000', ?)");
    for (const [code, names] of Object.entries(COLOURS)) colour.run(code, JSON.stringify(names));
    const product = db.prepare(
      `INSERT INTO products (id, style_code, brand, category_id, price_minor, currency, rating_avg, rating_count, popularity, images)
       VALUES (?, ?, ?, ?, 49900, 'SEK', ?, ?, ?, '{}')`,
    );
    const text = db.prepare('INSERT INTO product_texts (product_id, lang, name, description) VALUES (?, ?, ?, ?)');
    const variant = db.prepare('INSERT INTO variants (id, sku, gtin, product_id, colour_code, size, size_sort) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const stock = db.prepare('INSERT INTO stock (variant_id, location_id, quantity, changed_at) VALUES (?, ?, ?, 0)');
    let variantId = 0;
    products.forEach((p, index) => {
      const id = index + 1;
      product.run(id, p.code, p.brand ?? 'NORRVIK', p.category, p.rating?.[0] ?? 0, p.rating?.[1] ?? 0, p.popularity ?? 0);
      for (const [lang, [name, description]] of Object.entries(p.texts)) text.run(id, lang, name, description);
      p.variants.forEach(([colourCode, size, here, nearby], sort) => {
        variantId++;
        variant.run(variantId, `${p.code}-${variantId}`, String(7_000_000_000_000 + variantId), id, colourCode, size, sort);
        if (here > 0) stock.run(variantId, 1, here);
        if (nearby > 0) stock.run(variantId, 2, nearby);
      });
    });
  })();
}

let db: Db;
let cleanup: () => void;
let search: CatalogSearch;

beforeEach(() => {
  const dir = tempDir();
  cleanup = dir.cleanup;
  db = openCache(path.join(dir.dir, 'cache.db'));
  insertCatalog(db, [...PRODUCTS, ...FILLER]);
  search = new CatalogSearch(db);
});

afterEach(() => {
  db.close();
  cleanup();
});

const find = (text: string, lang: SearchLang, extra: Partial<SearchQuery> = {}) => search.search({ text, lang, limit: 24, offset: 0, ...extra });
const codes = (text: string, lang: SearchLang, extra: Partial<SearchQuery> = {}): string[] => find(text, lang, extra).items.map((item) => item.styleCode);

describe('search: diacritics and scripts', () => {
  it('search: a shopper typing troja finds Tröja', () => {
    expect(codes('troja', 'sv').slice(0, 2)).toEqual(['NV-1001', 'NV-1005']);
    expect(codes('TRÖJA', 'sv').slice(0, 2)).toEqual(['NV-1001', 'NV-1005']);
  });

  it('search: lodz finds Łódź, and Łódź finds it too', () => {
    expect(codes('lodz', 'pl')).toEqual(['NV-1002']);
    expect(codes('Łódź', 'pl')).toEqual(['NV-1002']);
  });

  it('search: kafe, καφε and ΚΑΦΈ find the product whose Greek colour is καφέ', () => {
    for (const text of ['kafe', 'καφε', 'ΚΑΦΈ', 'καφέ']) expect(codes(text, 'el'), text).toEqual(['NV-1001']);
  });

  it('search: a word is found in its own language only', () => {
    expect(codes('tröja', 'en')).toEqual([]);
    expect(codes('sweater', 'sv')).toEqual([]);
    expect(codes('sweater', 'en')).toContain('NV-1001');
  });

  it('search: the style code is found with or without its hyphen, whole or in part', () => {
    expect(codes('NV-1003', 'en')[0]).toBe('NV-1003');
    expect(codes('nv1003', 'sv')).toEqual(['NV-1003']);
    expect(codes('1003', 'pl')).toEqual(['NV-1003']);
  });
});

describe('search: as you type', () => {
  it('search: the prefixes trö and tro already find Tröja', () => {
    expect(codes('trö', 'sv').slice(0, 2)).toEqual(['NV-1001', 'NV-1005']);
    expect(codes('tro', 'sv').slice(0, 2)).toEqual(['NV-1001', 'NV-1005']);
  });

  it('search: every word must match, each as a prefix', () => {
    expect(codes('tröja meri', 'sv')).toEqual(['NV-1001']);
    expect(codes('meri tröja', 'sv')).toEqual(['NV-1001']);
    expect(codes('tröja kofta', 'sv')).toEqual([]);
  });

  it('search: a one-letter word matches names, categories and colours but not descriptions', () => {
    // 'u' starts 'under' in NV-1004's description only.
    expect(codes('u', 'en')).not.toContain('NV-1004');
    expect(codes('under', 'en')).toEqual(['NV-1004']);
  });
});

describe('search: typos', () => {
  it('search: one typo in a word of five letters or more is forgiven (sweter typed swetr)', () => {
    const result = find('swetr', 'pl');
    expect(result.items.map((i) => i.styleCode)).toEqual(expect.arrayContaining(['NV-1001', 'NV-1005']));
    expect(result.corrected).toBe('sweter');
  });

  it('search: a swapped pair of letters is one typo', () => {
    expect(find('sewter', 'pl').corrected).toBe('sweter');
    expect(codes('cardgian', 'en')).toEqual(['NV-1002']);
  });

  it('search: two typos are forgiven only in words of nine letters or more', () => {
    const result = find('oxfodskorta', 'sv');
    expect(result.items.map((i) => i.styleCode)).toEqual(['NV-1004']);
    expect(result.corrected).toBe('oxfordskjorta');
    expect(codes('kfota', 'sv')).toEqual(['NV-1002']); // one swap: forgiven
    expect(codes('kfoat', 'sv')).toEqual([]); // two edits in a 5-letter word: not
  });

  it('search: typo correction is not tried when the words as typed find enough', () => {
    const result = find('tee', 'en');
    expect(result.total).toBeGreaterThan(3);
    expect(result.corrected).toBeUndefined();
  });

  it('search: corrections keep the words that matched and report the query as understood', () => {
    expect(find('merino swetr', 'pl').corrected).toBeUndefined(); // 'merino' matches nothing in Polish
    expect(find('merynosów swetr', 'pl')).toMatchObject({ corrected: 'merynosow sweter', total: 1 });
  });
});

describe('search: ranking', () => {
  it('search: a name match ranks above a description-only match, however popular', () => {
    const found = codes('tröja', 'sv');
    expect(found).toEqual(['NV-1001', 'NV-1005', 'NV-1004']);
    const scores = find('tröja', 'sv').items.map((item) => item.score);
    expect(scores[1]!).toBeGreaterThan(scores[2]!);
  });

  it('search: with the same text match, the better rated product comes first', () => {
    expect(codes('smögen', 'en')).toEqual(['NV-2001', 'NV-2002']);
  });

  it('search: with the same text match and rating, the more popular product comes first', () => {
    expect(codes('naxos', 'en')).toEqual(['NV-2003', 'NV-2004']);
  });

  it('search: a whole-word match beats a match on the start of a longer word', () => {
    const found = codes('tee', 'en', { limit: 100 });
    expect(found).toHaveLength(35);
    expect(found.at(-1)).toBe('NV-2005');
    expect(codes('teen', 'en')).toEqual(['NV-2005']);
  });
});

describe('search: filters', () => {
  it('search: a category filter keeps only that category', () => {
    expect(codes('', 'en', { category: 'knitwear' })).toEqual(['NV-1001', 'NV-1002', 'NV-1005']);
    expect(codes('åre', 'en', { category: 'jeans' })).toEqual([]);
    expect(codes('', 'en', { category: 'no-such-category' })).toEqual([]);
  });

  it('search: a size filter keeps products that come in any of those sizes', () => {
    expect(codes('', 'en', { sizes: ['XL', 'W30 L32'] })).toEqual(['NV-1003', 'NV-1005']);
  });

  it('search: a colour filter keeps products that come in any of those colours', () => {
    expect(codes('', 'en', { colours: ['navy'] })).toEqual(['NV-1001', 'NV-1005']);
    expect(codes('sweater', 'en', { colours: ['brown', 'indigo'] })).toEqual(['NV-1001']);
    expect(codes('', 'en', { colours: ['no-such-colour'] })).toEqual([]);
  });

  it('search: in this store only keeps products with stock here', () => {
    expect(codes('', 'en', { inStoreOnly: true })).toEqual(['NV-1004', 'NV-1001', 'NV-1002']);
  });

  it('search: size, colour and in-store hold for the same variant', () => {
    // NV-1001 has M here in brown only; NV-1002 has S here, its M is sold out.
    expect(codes('', 'en', { sizes: ['M'], inStoreOnly: true })).toEqual(['NV-1004', 'NV-1001']);
    expect(codes('', 'en', { sizes: ['M'], colours: ['navy'], inStoreOnly: true })).toEqual([]);
    expect(codes('', 'en', { sizes: ['S'], colours: ['brown'] })).toEqual(['NV-1001']);
  });

  it('search: stock changes show once updateStock is told which variants changed', () => {
    expect(codes('jeans', 'en', { inStoreOnly: true })).toEqual([]);
    db.prepare('INSERT INTO stock (variant_id, location_id, quantity, changed_at) VALUES (?, 1, 1, 1)').run(8);
    search.updateStock([8]);
    expect(codes('jeans', 'en', { inStoreOnly: true })).toEqual(['NV-1003']);
    db.prepare('DELETE FROM stock WHERE variant_id = 8 AND location_id = 1').run();
    search.updateStock([8]);
    expect(codes('jeans', 'en', { inStoreOnly: true })).toEqual([]);
  });

  it('search: stock changes the sync thread describes in full set the flags from memory and name the products', () => {
    expect(codes('jeans', 'en', { inStoreOnly: true })).toEqual([]);
    // Variant 8 (of NV-1003) now in stock here; variant 1 (of NV-1001) changed elsewhere only; variant
    // 999, newer than the index; the index knows each variant's product.
    const update = search.applyStockLevels([8, 1, 1, -1, 999, 1]);
    expect(codes('jeans', 'en', { inStoreOnly: true })).toEqual(['NV-1003']);
    expect(update.styleCodes.sort()).toEqual(['NV-1001', 'NV-1003']);
    expect(update.unplaced).toEqual([999]);
    search.applyStockLevels([8, 0]);
    expect(codes('jeans', 'en', { inStoreOnly: true })).toEqual([]);
  });

  it('search: a catalog change shows after refresh', () => {
    db.prepare("UPDATE product_texts SET name = 'Visby Bootcut Jeans' WHERE product_id = 3 AND lang = 'en'").run();
    expect(codes('bootcut', 'en')).toEqual([]);
    search.refresh();
    expect(codes('bootcut', 'en')).toEqual(['NV-1003']);
  });
});

describe('search: browsing and paging', () => {
  it('search: no words browses everything by rating and popularity', () => {
    const all = find('', 'en', { limit: 5 });
    expect(all.total).toBe(PRODUCTS.length + FILLER.length);
    expect(all.items[0]!.styleCode).toBe('NV-1004');
    const scores = all.items.map((item) => item.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('search: pages carry the total and follow on from each other', () => {
    const first = find('basic', 'en', { limit: 10 });
    const second = find('basic', 'en', { limit: 10, offset: 10 });
    const last = find('basic', 'en', { limit: 10, offset: 25 });
    expect([first.total, second.total, last.total]).toEqual([30, 30, 30]);
    expect(first.items).toHaveLength(10);
    expect(last.items).toHaveLength(5);
    const all = find('basic', 'en', { limit: 30 }).items.map((item) => item.styleCode);
    expect([...first.items, ...second.items].map((item) => item.styleCode)).toEqual(all.slice(0, 20));
    expect(find('basic', 'en', { offset: 30 })).toEqual({ total: 30, items: [] });
  });

  it('search: never more than a hundred per page, and nonsense paging is clamped', () => {
    expect(find('', 'en', { limit: 1000 }).items.length).toBeLessThanOrEqual(MAX_LIMIT);
    expect(find('', 'en', { limit: -5 }).items).toEqual([]);
    expect(find('', 'en', { limit: Number.NaN, offset: Number.NaN }).items).toEqual([]);
    expect(find('tee', 'en', { offset: -3, limit: 2 }).items).toHaveLength(2);
  });
});

describe('search: hostile input', () => {
  const HOSTILE = [
    '"',
    '""',
    '"tröja',
    '*',
    'trö*',
    '-',
    '-tröja',
    '(',
    ')',
    '(tröja',
    'tröja)',
    ':',
    'name:tröja',
    '^tröja',
    'NEAR',
    'NEAR(tröja kofta)',
    'tröja AND kofta',
    'tröja OR kofta',
    'NOT tröja',
    'AND',
    '{name}:x',
    "'; DROP TABLE products; --",
    '\\',
    '%_',
    'x'.repeat(2000),
    'tröja '.repeat(400),
    Array.from({ length: 2000 }, (_, i) => String.fromCharCode(33 + (i % 90))).join(''),
    '🙂🧥👖',
    'tröja 🙂',
    '\u0000\u0001\u0002\u001f\u007f',
    '\u200b\u200d\ufeff',
    '\ud800',
    'e\u0301\u0301\u0301\u0301',
    'ﷺ'.repeat(100),
    '   ',
  ];

  it('search: whatever a shopper types gives results or nothing, never an error', () => {
    for (const text of HOSTILE) {
      for (const lang of ['en', 'sv', 'pl', 'el'] as const) {
        const result = find(text, lang);
        expect(result.total, JSON.stringify(text)).toBeGreaterThanOrEqual(0);
        expect(result.items.length).toBeLessThanOrEqual(24);
      }
    }
    // Operators are just words: FTS syntax means nothing here.
    expect(codes('"tröja', 'sv').slice(0, 2)).toEqual(['NV-1001', 'NV-1005']);
    expect(codes('-tröja', 'sv').slice(0, 2)).toEqual(['NV-1001', 'NV-1005']);
  });

  it('search: a hostile query leaves the next query unaffected', () => {
    const before = find('tröja', 'sv');
    for (const text of HOSTILE) find(text, 'sv');
    expect(find('tröja', 'sv')).toEqual(before);
  });
});

describe('search: compounds', () => {
  it('search: a word found only inside compounds finds them when nothing else does', () => {
    // 'skjorta' is only inside 'oxfordskjorta' in the Swedish names.
    const result = find('skjorta', 'sv');
    expect(result.items.map((item) => item.styleCode)).toEqual(['NV-1004']);
    expect(result.corrected).toBeUndefined();
  });
});

describe('search: many candidates against a long posting list', () => {
  it('search: a word matching the start of another adds nothing and loses nothing', () => {
    // Enough products that the second word is probed per candidate rather than scanned.
    const many: TestProduct[] = Array.from({ length: 400 }, (_, i) => ({
      code: `NV-5${String(i).padStart(3, '0')}`,
      category: 'tees',
      popularity: i,
      // Half say 'tee' in the name, half only in the description; all say 'cotton' in the description.
      texts: same(i % 2 ? `Hydra Tee ${i}` : `Hydra Top ${i}`, i % 2 ? 'Soft cotton.' : 'A tee in soft cotton.'),
      variants: [['black', 'M', 0, 0]],
    }));
    db.prepare('DELETE FROM products').run();
    db.prepare('DELETE FROM locations').run();
    db.prepare('DELETE FROM meta').run();
    db.prepare('DELETE FROM categories').run();
    db.prepare('DELETE FROM colours').run();
    insertCatalog(db, many);
    search.refresh();
    const tee = find('tee', 'en', { limit: 100 }).total;
    expect(tee).toBe(400);
    expect(find('tee hydra', 'en').total).toBe(tee);
    // 'hydra 12' leaves 11 candidates; 'tee' (in the name of some, the description of others) is probed.
    expect(find('hydra 12', 'en').total).toBe(11);
    expect(find('hydra 12 tee', 'en').total).toBe(11);
    expect(find('cotton tee', 'en').total).toBe(400);
  });
});

describe('search: agrees with brute force', () => {
  it('search: on a random catalog, random prefix queries find exactly what a scan of every product finds', () => {
    let seed = 11;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const WORDS = ['Tröja', 'tröjan', 'Kofta', 'Sweter', 'wełna', 'wełny', 'Łódź', 'Πουλόβερ', 'καφέ', 'μπλε', 'jeans', 'Jacka', 'ull', 'merino', 'T-shirt', 'Åre', 'Öland', 'ska', 'skal', 'skjorta', 'klänning', 'x'];
    const colourCodes = Object.keys(COLOURS);
    const products: TestProduct[] = Array.from({ length: 300 }, (_, i) => {
      const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
      return {
        code: `NV-${7000 + i}`,
        category: pick(Object.keys(CATEGORIES)),
        popularity: Math.floor(random() * 1000),
        rating: [Math.round(random() * 50) / 10, Math.floor(random() * 100)],
        texts: { en: [words(3), words(5)], sv: [words(3), words(5)], pl: [words(2), words(4)], el: [words(3), words(5)] },
        variants: Array.from({ length: 1 + Math.floor(random() * 3) }, () => [pick(colourCodes), pick(['S', 'M', 'L']), random() < 0.3 ? 1 : 0, 0] as [string, string, number, number]),
      };
    });
    db.prepare('DELETE FROM products').run();
    db.prepare('DELETE FROM locations').run();
    db.prepare('DELETE FROM meta').run();
    db.prepare('DELETE FROM categories').run();
    db.prepare('DELETE FROM colours').run();
    insertCatalog(db, products);
    search.refresh();

    // The reference: every product's words by field, through the same folding, checked one by one.
    const folded = (text: string): string[] => textWords(text, true);
    const matches = (p: TestProduct, lang: SearchLang, word: string): boolean => {
      const short = [...word].length <= 2;
      const strong = [...folded(p.texts[lang][0]), ...folded(CATEGORIES[p.category]![lang]), ...p.variants.flatMap(([c]) => folded(COLOURS[c]![lang])), ...folded('NORRVIK')];
      const description = short ? [] : textWords(p.texts[lang][1], false); // descriptions are not joined up
      const words = [...strong, ...description];
      const spelled = [...words, ...words.flatMap(greeklish)];
      if (spelled.some((w) => w.startsWith(word))) return true;
      return folded(p.code).some((w) => (short ? w === word : w.startsWith(word)));
    };
    const vocabulary = [...new Set(products.flatMap((p) => Object.values(p.texts).flatMap(([name, description]) => [...folded(name), ...folded(description)])))];
    let compared = 0;
    for (let i = 0; i < 300; i++) {
      const lang = pick(['en', 'sv', 'pl', 'el'] as const);
      const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const word = pick([...vocabulary, 'nv', '70', '7012']);
        return word.slice(0, 1 + Math.floor(random() * word.length));
      });
      const colours = random() < 0.3 ? [pick(colourCodes)] : undefined;
      const inStoreOnly = random() < 0.2;
      const expected = products
        .filter((p) => queryWords(words.join(' ')).every((word) => matches(p, lang, word)))
        .filter((p) => p.variants.some(([c, , here]) => (!colours || colours.includes(c)) && (!inStoreOnly || here > 0)))
        .map((p) => p.code)
        .sort();
      const result = find(words.join(' '), lang, { limit: 100, colours, inStoreOnly });
      if (expected.length < 3) continue; // below 3, typo correction may widen the result
      compared++;
      expect(result.total, `${lang} "${words.join(' ')}"`).toBe(expected.length);
      if (expected.length <= 100) expect(result.items.map((item) => item.styleCode).sort()).toEqual(expected);
      const scores = result.items.map((item) => item.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
    expect(compared).toBeGreaterThan(100);
  });
});
