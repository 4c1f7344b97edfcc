/**
 * The NORRVIK vocabulary in the four shopper languages: categories, colours, collection names and the
 * sentences product descriptions are built from. Real diacritics throughout (å ä ö, ą ć ę ł ń ó ś ź ż,
 * Greek tonos) — search must fold them, so the demo data must contain them.
 */
export const LANGS = ['en', 'sv', 'pl', 'el'] as const;
export type Lang = (typeof LANGS)[number];
/** One phrase in every shopper language. */
export type Words = Readonly<Record<Lang, string>>;

export const CATEGORY_IDS = ['jeans', 't-shirts', 'shirts', 'knitwear', 'dresses', 'jackets', 'shoes', 'accessories'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface DemoCategory {
  id: CategoryId;
  sort: number;
  names: Words;
}

export const CATEGORIES: readonly DemoCategory[] = [
  { id: 'jeans', sort: 1, names: { en: 'Jeans', sv: 'Jeans', pl: 'Dżinsy', el: 'Τζιν' } },
  { id: 't-shirts', sort: 2, names: { en: 'T-shirts', sv: 'T-shirts', pl: 'Koszulki', el: 'Μπλουζάκια' } },
  { id: 'shirts', sort: 3, names: { en: 'Shirts', sv: 'Skjortor', pl: 'Koszule', el: 'Πουκάμισα' } },
  { id: 'knitwear', sort: 4, names: { en: 'Knitwear', sv: 'Stickat', pl: 'Swetry', el: 'Πλεκτά' } },
  { id: 'dresses', sort: 5, names: { en: 'Dresses', sv: 'Klänningar', pl: 'Sukienki', el: 'Φορέματα' } },
  { id: 'jackets', sort: 6, names: { en: 'Jackets & coats', sv: 'Jackor & rockar', pl: 'Kurtki i płaszcze', el: 'Μπουφάν & παλτό' } },
  { id: 'shoes', sort: 7, names: { en: 'Shoes', sv: 'Skor', pl: 'Buty', el: 'Παπούτσια' } },
  { id: 'accessories', sort: 8, names: { en: 'Accessories', sv: 'Accessoarer', pl: 'Akcesoria', el: 'Αξεσουάρ' } },
];

export interface DemoColour {
  /** Stable code, used in media paths: `demo/knitwear-0-navy.svg`. */
  code: string;
  /** Three letters in the SKU: `NV-10042-NAV-M`. */
  skuPart: string;
  hex: string;
  names: Words;
}

export const COLOURS: readonly DemoColour[] = [
  { code: 'black', skuPart: 'BLK', hex: '#26262a', names: { en: 'Black', sv: 'Svart', pl: 'Czarny', el: 'Μαύρο' } },
  { code: 'off-white', skuPart: 'OWH', hex: '#efebe2', names: { en: 'Off-white', sv: 'Benvit', pl: 'Złamana biel', el: 'Υπόλευκο' } },
  { code: 'navy', skuPart: 'NAV', hex: '#243452', names: { en: 'Navy', sv: 'Marinblå', pl: 'Granatowy', el: 'Μπλε σκούρο' } },
  { code: 'grey-melange', skuPart: 'GRM', hex: '#a3a4a6', names: { en: 'Grey melange', sv: 'Gråmelerad', pl: 'Szary melanż', el: 'Γκρι μελανζέ' } },
  { code: 'charcoal', skuPart: 'CHA', hex: '#45484e', names: { en: 'Charcoal', sv: 'Antracitgrå', pl: 'Grafitowy', el: 'Ανθρακί' } },
  { code: 'brown', skuPart: 'BRN', hex: '#6e4b36', names: { en: 'Brown', sv: 'Brun', pl: 'Brązowy', el: 'Καφέ' } },
  { code: 'beige', skuPart: 'BEI', hex: '#d3c1a5', names: { en: 'Beige', sv: 'Beige', pl: 'Beżowy', el: 'Μπεζ' } },
  { code: 'camel', skuPart: 'CAM', hex: '#b88a55', names: { en: 'Camel', sv: 'Kamel', pl: 'Karmelowy', el: 'Καμηλό' } },
  { code: 'forest', skuPart: 'FOR', hex: '#2f4d3c', names: { en: 'Forest green', sv: 'Mörkgrön', pl: 'Butelkowa zieleń', el: 'Κυπαρισσί' } },
  { code: 'olive', skuPart: 'OLV', hex: '#6f6d40', names: { en: 'Olive', sv: 'Olivgrön', pl: 'Oliwkowy', el: 'Λαδί' } },
  { code: 'burgundy', skuPart: 'BUR', hex: '#6c2534', names: { en: 'Burgundy', sv: 'Vinröd', pl: 'Bordowy', el: 'Μπορντό' } },
  { code: 'rust', skuPart: 'RST', hex: '#a5532f', names: { en: 'Rust', sv: 'Rostbrun', pl: 'Rdzawy', el: 'Κεραμιδί' } },
  { code: 'mustard', skuPart: 'MUS', hex: '#c9a03e', names: { en: 'Mustard', sv: 'Senapsgul', pl: 'Musztardowy', el: 'Μουσταρδί' } },
  { code: 'light-blue', skuPart: 'LBL', hex: '#a4bfdb', names: { en: 'Light blue', sv: 'Ljusblå', pl: 'Błękitny', el: 'Γαλάζιο' } },
  { code: 'dusty-pink', skuPart: 'DPK', hex: '#d6a7a4', names: { en: 'Dusty pink', sv: 'Gammelrosa', pl: 'Pudrowy róż', el: 'Σάπιο μήλο' } },
  { code: 'red', skuPart: 'RED', hex: '#b2352f', names: { en: 'Red', sv: 'Röd', pl: 'Czerwony', el: 'Κόκκινο' } },
  { code: 'cognac', skuPart: 'COG', hex: '#8d4d25', names: { en: 'Cognac', sv: 'Konjak', pl: 'Koniakowy', el: 'Κονιάκ' } },
  { code: 'indigo', skuPart: 'IND', hex: '#2c3b5e', names: { en: 'Indigo', sv: 'Indigo', pl: 'Indygo', el: 'Λουλακί' } },
  { code: 'light-denim', skuPart: 'LDN', hex: '#7f9cbd', names: { en: 'Light wash', sv: 'Ljus tvätt', pl: 'Jasny sprany', el: 'Ανοιχτό ξεβαμμένο' } },
];

export const COLOUR_BY_CODE: ReadonlyMap<string, DemoColour> = new Map(COLOURS.map((colour) => [colour.code, colour]));

/** Collection (model) names: Nordic places, a few Polish and Greek ones. Shown as-is in every language. */
export const COLLECTIONS: readonly string[] = [
  'Åre', 'Visby', 'Kiruna', 'Sälen', 'Öland', 'Ystad', 'Abisko', 'Lofoten', 'Ålesund', 'Łódź', 'Gdańsk', 'Mälaren',
  'Vänern', 'Skärgård', 'Fjällbacka', 'Smögen', 'Österlen', 'Naxos', 'Hydra', 'Runö', 'Tjörn', 'Orust', 'Ljusdal', 'Hälsingland',
];

/** A sentence closing some descriptions, whatever the category. */
export const CLOSING_SENTENCES: readonly Words[] = [
  { en: 'Designed in Stockholm.', sv: 'Designad i Stockholm.', pl: 'Zaprojektowane w Sztokholmie.', el: 'Σχεδιασμένο στη Στοκχόλμη.' },
  { en: 'Part of our responsible collection.', sv: 'En del av vår ansvarsfulla kollektion.', pl: 'Część naszej odpowiedzialnej kolekcji.', el: 'Μέρος της υπεύθυνης συλλογής μας.' },
  { en: 'Free delivery to your home from any NORRVIK store.', sv: 'Fri hemleverans från alla NORRVIK-butiker.', pl: 'Darmowa dostawa do domu z każdego sklepu NORRVIK.', el: 'Δωρεάν παράδοση στο σπίτι από κάθε κατάστημα NORRVIK.' },
];

/** "Material: …." */
export function materialSentence(lang: Lang, content: string): string {
  const label = { en: 'Material', sv: 'Material', pl: 'Materiał', el: 'Υλικό' }[lang];
  return `${label}: ${content}.`;
}

/** "Colours: navy, brown." — a list, so no language needs the colour names declined. */
export function colourSentence(lang: Lang, colours: readonly DemoColour[]): string {
  const one = colours.length === 1;
  const label = one
    ? { en: 'Colour', sv: 'Färg', pl: 'Kolor', el: 'Χρώμα' }[lang]
    : { en: 'Colours', sv: 'Färger', pl: 'Kolory', el: 'Χρώματα' }[lang];
  const locale = { en: 'en', sv: 'sv', pl: 'pl', el: 'el' }[lang];
  return `${label}: ${colours.map((colour) => colour.names[lang].toLocaleLowerCase(locale)).join(', ')}.`;
}
