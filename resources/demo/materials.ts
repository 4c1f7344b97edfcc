import type { Words } from './words';

/** What NORRVIK's garments are made of, as a product name and a description put it. */
export interface Material {
  /** In a product name: English before the garment ("Merino Wool Sweater"), the others after ("Tröja i merinoull"). */
  name: Words;
  /** After "Material:" in the description. */
  content: Words;
  /** Added to the price, in minor units (cashmere costs more). */
  priceAdd?: number;
}

export const MATERIALS = {
  cotton: {
    name: { en: 'Cotton', sv: 'i bomull', pl: 'z bawełny', el: 'από βαμβάκι' },
    content: { en: '100% cotton', sv: '100 % bomull', pl: '100% bawełna', el: '100% βαμβάκι' },
  },
  'organic-cotton': {
    name: { en: 'Organic Cotton', sv: 'i ekologisk bomull', pl: 'z bawełny organicznej', el: 'από οργανικό βαμβάκι' },
    content: { en: '100% organic cotton', sv: '100 % ekologisk bomull', pl: '100% bawełna organiczna', el: '100% οργανικό βαμβάκι' },
    priceAdd: 5000,
  },
  linen: {
    name: { en: 'Linen', sv: 'i linne', pl: 'z lnu', el: 'από λινό' },
    content: { en: '100% linen', sv: '100 % linne', pl: '100% len', el: '100% λινό' },
    priceAdd: 10000,
  },
  lyocell: {
    name: { en: 'Lyocell', sv: 'i lyocell', pl: 'z lyocellu', el: 'από lyocell' },
    content: { en: '100% lyocell', sv: '100 % lyocell', pl: '100% lyocell', el: '100% lyocell' },
  },
  flannel: {
    name: { en: 'Flannel', sv: 'i flanell', pl: 'z flaneli', el: 'από φανέλα' },
    content: { en: '100% brushed cotton', sv: '100 % borstad bomull', pl: '100% szczotkowana bawełna', el: '100% βουρτσισμένο βαμβάκι' },
  },
  viscose: {
    name: { en: 'Viscose', sv: 'i viskos', pl: 'z wiskozy', el: 'από βισκόζη' },
    content: { en: '100% viscose', sv: '100 % viskos', pl: '100% wiskoza', el: '100% βισκόζη' },
  },
  wool: {
    name: { en: 'Wool', sv: 'i ull', pl: 'z wełny', el: 'από μαλλί' },
    content: { en: '80% wool, 20% polyamide', sv: '80 % ull, 20 % polyamid', pl: '80% wełna, 20% poliamid', el: '80% μαλλί, 20% πολυαμίδιο' },
  },
  merino: {
    name: { en: 'Merino Wool', sv: 'i merinoull', pl: 'z wełny merynosów', el: 'από μαλλί μερινό' },
    content: { en: '100% merino wool', sv: '100 % merinoull', pl: '100% wełna merynosów', el: '100% μαλλί μερινό' },
    priceAdd: 10000,
  },
  lambswool: {
    name: { en: 'Lambswool', sv: 'i lammull', pl: 'z wełny jagnięcej', el: 'από μαλλί αρνιού' },
    content: { en: '100% lambswool', sv: '100 % lammull', pl: '100% wełna jagnięca', el: '100% μαλλί αρνιού' },
  },
  cashmere: {
    name: { en: 'Wool-Cashmere', sv: 'i ull och kashmir', pl: 'z wełny z kaszmirem', el: 'από μαλλί και κασμίρι' },
    content: { en: '70% wool, 30% cashmere', sv: '70 % ull, 30 % kashmir', pl: '70% wełna, 30% kaszmir', el: '70% μαλλί, 30% κασμίρι' },
    priceAdd: 40000,
  },
  denim: {
    name: { en: 'Denim', sv: 'i denim', pl: 'z denimu', el: 'από ντένιμ' },
    content: { en: '99% cotton, 1% elastane', sv: '99 % bomull, 1 % elastan', pl: '99% bawełna, 1% elastan', el: '99% βαμβάκι, 1% ελαστάνη' },
  },
  'rigid-denim': {
    name: { en: 'Rigid Denim', sv: 'i fast denim', pl: 'ze sztywnego denimu', el: 'από άκαμπτο ντένιμ' },
    content: { en: '100% organic cotton', sv: '100 % ekologisk bomull', pl: '100% bawełna organiczna', el: '100% οργανικό βαμβάκι' },
    priceAdd: 10000,
  },
  down: {
    name: { en: 'Down', sv: 'i dun', pl: 'z puchem', el: 'με πούπουλα' },
    content: {
      en: 'shell 100% recycled polyamide, filling 90% down and 10% feathers',
      sv: 'ytter 100 % återvunnen polyamid, fyllning 90 % dun och 10 % fjäder',
      pl: 'wierzch 100% poliamid z recyklingu, wypełnienie 90% puch i 10% pierze',
      el: 'εξωτερικό 100% ανακυκλωμένο πολυαμίδιο, γέμιση 90% πούπουλο και 10% φτερό',
    },
  },
  'rain-shell': {
    name: { en: 'Recycled', sv: 'i återvunnen polyester', pl: 'z poliestru z recyklingu', el: 'από ανακυκλωμένο πολυεστέρα' },
    content: {
      en: '100% recycled polyester with a PFC-free water-repellent finish',
      sv: '100 % återvunnen polyester med PFC-fri vattenavvisande yta',
      pl: '100% poliester z recyklingu z wodoodpychającym wykończeniem bez PFC',
      el: '100% ανακυκλωμένος πολυεστέρας με αδιάβροχο φινίρισμα χωρίς PFC',
    },
  },
  leather: {
    name: { en: 'Leather', sv: 'i läder', pl: 'ze skóry', el: 'από δέρμα' },
    content: { en: 'leather upper, rubber sole', sv: 'ovandel i läder, gummisula', pl: 'cholewka ze skóry, podeszwa z gumy', el: 'πάνω μέρος από δέρμα, σόλα από καουτσούκ' },
  },
  suede: {
    name: { en: 'Suede', sv: 'i mocka', pl: 'z zamszu', el: 'από σουέτ' },
    content: { en: 'suede upper, rubber sole', sv: 'ovandel i mocka, gummisula', pl: 'cholewka z zamszu, podeszwa z gumy', el: 'πάνω μέρος από σουέτ, σόλα από καουτσούκ' },
    priceAdd: 10000,
  },
  canvas: {
    name: { en: 'Canvas', sv: 'i canvas', pl: 'z płótna', el: 'από καραβόπανο' },
    content: {
      en: 'organic cotton canvas upper, natural rubber sole',
      sv: 'ovandel i canvas av ekologisk bomull, sula i naturgummi',
      pl: 'cholewka z płótna z bawełny organicznej, podeszwa z kauczuku naturalnego',
      el: 'πάνω μέρος από καραβόπανο από οργανικό βαμβάκι, σόλα από φυσικό καουτσούκ',
    },
  },
  'canvas-bag': {
    name: { en: 'Canvas', sv: 'i canvas', pl: 'z płótna', el: 'από καραβόπανο' },
    content: { en: '100% organic cotton canvas', sv: '100 % canvas av ekologisk bomull', pl: '100% płótno z bawełny organicznej', el: '100% καραβόπανο από οργανικό βαμβάκι' },
  },
  'recycled-poly': {
    name: { en: 'Recycled', sv: 'i återvunnen polyester', pl: 'z poliestru z recyklingu', el: 'από ανακυκλωμένο πολυεστέρα' },
    content: { en: '100% recycled polyester', sv: '100 % återvunnen polyester', pl: '100% poliester z recyklingu', el: '100% ανακυκλωμένος πολυεστέρας' },
  },
  'belt-leather': {
    name: { en: 'Leather', sv: 'i läder', pl: 'ze skóry', el: 'από δέρμα' },
    content: { en: '100% leather, metal buckle', sv: '100 % läder, spänne i metall', pl: '100% skóra, metalowa klamra', el: '100% δέρμα, μεταλλική αγκράφα' },
  },
} as const satisfies Record<string, Material>;
export type MaterialKey = keyof typeof MATERIALS;
