import type { MaterialKey } from './materials';
import type { CategoryId, Words } from './words';

/**
 * What NORRVIK sells, per category: the garments (each drawn by one image design), their materials,
 * colours, size runs and price points (SEK, minor units), and the sentences their descriptions use.
 */

/** How a garment is sized: see sizes.ts. */
export type SizeRun = 'tops' | 'dresses' | 'jeans' | 'shoes' | 'one-size' | 'belts';
type Palette = readonly (readonly [string, number])[];

export interface Garment {
  names: Words;
  /** The image design (`demo/<category>-<design>-<colour>.svg`). */
  design: number;
  materials: readonly MaterialKey[];
  /** Whether the material is part of the name ("Tröja i ull") or only of the description. */
  materialInName: boolean;
  prices: readonly number[];
  sizes: SizeRun;
  /** Colours with weights, where this garment differs from its category (denim jackets, sneakers). */
  palette?: Palette;
}

export interface CategorySpec {
  /** Products of this category in every 60. */
  share: number;
  brand: string;
  /** How many colours a product comes in, with weights. */
  colourCounts: readonly (readonly [number, number])[];
  palette: Palette;
  garments: readonly Garment[];
  sentences: readonly Words[];
  /** Categories whose products go with this one's, best first ("complete the look"). */
  complements: readonly CategoryId[];
}

const DENIM: Palette = [['indigo', 5], ['light-denim', 3], ['black', 3], ['charcoal', 1]];

function garment(names: Words, design: number, materials: readonly MaterialKey[], prices: readonly number[], sizes: SizeRun, extra: Partial<Garment> = {}): Garment {
  return { names, design, materials, prices, sizes, materialInName: false, ...extra };
}

export const ASSORTMENT: Readonly<Record<CategoryId, CategorySpec>> = {
  jeans: {
    share: 8,
    brand: 'NORRVIK Denim',
    colourCounts: [[1, 65], [2, 35]],
    palette: DENIM,
    garments: [
      garment({ en: 'Straight Jeans', sv: 'Raka jeans', pl: 'Dżinsy proste', el: 'Ίσιο τζιν' }, 0, ['denim', 'rigid-denim'], [59900, 69900, 79900], 'jeans'),
      garment({ en: 'Slim Jeans', sv: 'Slim jeans', pl: 'Dżinsy slim', el: 'Στενό τζιν' }, 1, ['denim'], [59900, 69900, 79900], 'jeans'),
      garment({ en: 'Wide Jeans', sv: 'Vida jeans', pl: 'Szerokie dżinsy', el: 'Φαρδύ τζιν' }, 2, ['denim', 'rigid-denim'], [69900, 79900, 89900], 'jeans'),
      garment({ en: 'Tapered Jeans', sv: 'Avsmalnande jeans', pl: 'Dżinsy zwężane', el: 'Τζιν καρότο' }, 3, ['denim'], [59900, 69900], 'jeans'),
      garment({ en: 'Flared Jeans', sv: 'Utsvängda jeans', pl: 'Dżinsy dzwony', el: 'Τζιν καμπάνα' }, 4, ['denim'], [69900, 79900], 'jeans'),
    ],
    sentences: [
      { en: 'Five-pocket jeans that soften and fade beautifully with wear.', sv: 'Femficksjeans som blir mjukare och bleknar vackert med tiden.', pl: 'Dżinsy z pięcioma kieszeniami, które z czasem pięknie miękną i blakną.', el: 'Τζιν με πέντε τσέπες που μαλακώνει και ξεθωριάζει όμορφα με τον καιρό.' },
      { en: 'Mid rise, a button fly and a comfortable stretch.', sv: 'Normalhög midja, knappgylf och en bekväm stretch.', pl: 'Średni stan, rozporek na guziki i wygodny stretch.', el: 'Μεσαίο ύψος μέσης, κουμπωτό καβάλο και άνετο stretch.' },
      { en: 'Washed with less water in a mill that reuses it.', sv: 'Tvättade med mindre vatten i ett tvätteri som återanvänder det.', pl: 'Prane z mniejszym zużyciem wody w pralni, która ją odzyskuje.', el: 'Πλυμένο με λιγότερο νερό σε πλυντήριο που το ανακυκλώνει.' },
    ],
    complements: ['t-shirts', 'shirts', 'shoes', 'knitwear', 'jackets', 'accessories'],
  },
  't-shirts': {
    share: 10,
    brand: 'NORRVIK',
    colourCounts: [[1, 35], [2, 30], [3, 35]],
    palette: [['off-white', 5], ['black', 5], ['navy', 4], ['grey-melange', 3], ['forest', 2], ['olive', 2], ['rust', 1], ['mustard', 1], ['light-blue', 2], ['dusty-pink', 2], ['burgundy', 1], ['red', 1]],
    garments: [
      garment({ en: 'T-Shirt', sv: 'T-shirt', pl: 'Koszulka', el: 'Μπλουζάκι' }, 0, ['cotton', 'organic-cotton', 'lyocell'], [14900, 19900, 24900], 'tops', { materialInName: true }),
      garment({ en: 'V-Neck T-Shirt', sv: 'T-shirt med v-ringning', pl: 'Koszulka w serek', el: 'Μπλουζάκι με λαιμόκοψη V' }, 1, ['cotton', 'organic-cotton', 'lyocell'], [19900, 24900], 'tops', { materialInName: true }),
      garment({ en: 'Long-Sleeve T-Shirt', sv: 'Långärmad t-shirt', pl: 'Koszulka z długim rękawem', el: 'Μακρυμάνικο μπλουζάκι' }, 2, ['cotton', 'organic-cotton'], [24900, 29900], 'tops', { materialInName: true }),
      garment({ en: 'Striped T-Shirt', sv: 'Randig t-shirt', pl: 'Koszulka w paski', el: 'Ριγέ μπλουζάκι' }, 3, ['cotton', 'organic-cotton'], [24900, 29900], 'tops', { materialInName: true }),
      garment({ en: 'Polo Shirt', sv: 'Pikétröja', pl: 'Koszulka polo', el: 'Μπλουζάκι πόλο' }, 4, ['cotton', 'organic-cotton'], [34900, 39900, 44900], 'tops', { materialInName: true }),
    ],
    sentences: [
      { en: 'An everyday essential with a soft, smooth feel.', sv: 'En vardagsfavorit med mjuk och slät känsla.', pl: 'Codzienny klasyk, miękki i gładki w dotyku.', el: 'Βασικό κομμάτι για κάθε μέρα, απαλό και λείο στην αφή.' },
      { en: 'Regular fit with a ribbed neckline that keeps its shape.', sv: 'Normal passform med ribbad halsringning som behåller formen.', pl: 'Regularny krój i prążkowany dekolt, który nie traci kształtu.', el: 'Κανονική γραμμή με ριμπ λαιμόκοψη που κρατά το σχήμα της.' },
      { en: 'Made from a heavier jersey that drapes well.', sv: 'Sydd i en tjockare trikå med fint fall.', pl: 'Uszyta z grubszej dzianiny, która ładnie się układa.', el: 'Από πιο χοντρό ζέρσεϊ με ωραία πτώση.' },
    ],
    complements: ['jeans', 'jackets', 'shoes', 'accessories', 'shirts'],
  },
  shirts: {
    share: 8,
    brand: 'NORRVIK',
    colourCounts: [[1, 50], [2, 50]],
    palette: [['off-white', 4], ['light-blue', 4], ['navy', 2], ['olive', 1], ['beige', 2], ['black', 1], ['forest', 1], ['dusty-pink', 1]],
    garments: [
      garment({ en: 'Oxford Shirt', sv: 'Oxfordskjorta', pl: 'Koszula oksfordzka', el: 'Πουκάμισο Oxford' }, 0, ['cotton', 'organic-cotton'], [49900, 59900], 'tops'),
      garment({ en: 'Flannel Shirt', sv: 'Flanellskjorta', pl: 'Koszula flanelowa', el: 'Φανελένιο πουκάμισο' }, 1, ['flannel'], [49900, 59900], 'tops', {
        palette: [['red', 3], ['forest', 3], ['navy', 3], ['brown', 2], ['mustard', 1]],
      }),
      garment({ en: 'Short-Sleeve Shirt', sv: 'Kortärmad skjorta', pl: 'Koszula z krótkim rękawem', el: 'Κοντομάνικο πουκάμισο' }, 2, ['linen', 'cotton', 'lyocell'], [39900, 44900], 'tops', { materialInName: true }),
      garment({ en: 'Shirt', sv: 'Skjorta', pl: 'Koszula', el: 'Πουκάμισο' }, 3, ['linen', 'organic-cotton', 'cotton'], [44900, 54900, 69900], 'tops', { materialInName: true }),
    ],
    sentences: [
      { en: 'A crisp shirt that works with jeans or a suit.', sv: 'En skarp skjorta som fungerar till både jeans och kostym.', pl: 'Elegancka koszula, która pasuje i do dżinsów, i do garnituru.', el: 'Κομψό πουκάμισο που ταιριάζει με τζιν ή κοστούμι.' },
      { en: 'Soft collar, a chest pocket and a curved hem.', sv: 'Mjuk krage, bröstficka och rundad nederkant.', pl: 'Miękki kołnierzyk, kieszeń na piersi i zaokrąglony dół.', el: 'Μαλακός γιακάς, τσέπη στο στήθος και στρογγυλεμένο τελείωμα.' },
      { en: 'Relaxed enough to wear untucked.', sv: 'Avslappnad nog att bäras utanpå byxorna.', pl: 'Na tyle swobodna, że można ją nosić na wierzchu.', el: 'Αρκετά χαλαρό για να φοριέται έξω από το παντελόνι.' },
    ],
    complements: ['jeans', 'knitwear', 'shoes', 'jackets', 'accessories'],
  },
  knitwear: {
    share: 8,
    brand: 'NORRVIK',
    colourCounts: [[1, 35], [2, 30], [3, 35]],
    palette: [['navy', 3], ['grey-melange', 3], ['off-white', 2], ['camel', 2], ['brown', 2], ['forest', 2], ['burgundy', 2], ['charcoal', 2], ['black', 2], ['beige', 1], ['mustard', 1], ['rust', 1]],
    garments: [
      garment({ en: 'Sweater', sv: 'Tröja', pl: 'Sweter', el: 'Πουλόβερ' }, 0, ['wool', 'merino', 'lambswool', 'cashmere', 'cotton'], [49900, 59900, 69900], 'tops', { materialInName: true }),
      garment({ en: 'Roll-Neck Sweater', sv: 'Polotröja', pl: 'Golf', el: 'Ζιβάγκο' }, 1, ['merino', 'lambswool', 'cashmere'], [59900, 79900], 'tops', { materialInName: true }),
      garment({ en: 'Cardigan', sv: 'Kofta', pl: 'Kardigan', el: 'Ζακέτα' }, 2, ['wool', 'lambswool', 'cotton', 'merino'], [59900, 79900], 'tops', { materialInName: true }),
      garment({ en: 'V-Neck Sweater', sv: 'V-ringad tröja', pl: 'Sweter w serek', el: 'Πουλόβερ με λαιμόκοψη V' }, 3, ['merino', 'cotton', 'cashmere'], [49900, 69900], 'tops', { materialInName: true }),
      garment({ en: 'Cable-Knit Sweater', sv: 'Flätstickad tröja', pl: 'Sweter w warkocze', el: 'Πουλόβερ με πλεξούδες' }, 4, ['wool', 'lambswool'], [79900, 99900], 'tops', { materialInName: true }),
    ],
    sentences: [
      { en: 'A soft, warm knit for cold Nordic days.', sv: 'Ett mjukt och varmt plagg för kalla nordiska dagar.', pl: 'Miękka, ciepła dzianina na chłodne nordyckie dni.', el: 'Μαλακό, ζεστό πλεκτό για τις κρύες μέρες του Βορρά.' },
      { en: 'Ribbed cuffs and hem that keep their shape wash after wash.', sv: 'Ribbstickade muddar och nederkant som behåller formen tvätt efter tvätt.', pl: 'Prążkowane ściągacze, które zachowują kształt pranie po praniu.', el: 'Ριμπ μανσέτες και τελείωμα που κρατούν το σχήμα τους πλύση με πλύση.' },
      { en: 'Knitted in Europe from traceable fibres.', sv: 'Stickad i Europa av spårbara fibrer.', pl: 'Wyprodukowane w Europie z włókien o znanym pochodzeniu.', el: 'Πλεγμένο στην Ευρώπη από ίνες γνωστής προέλευσης.' },
    ],
    complements: ['jeans', 'shirts', 'accessories', 'jackets', 'shoes'],
  },
  dresses: {
    share: 7,
    brand: 'NORRVIK',
    colourCounts: [[1, 50], [2, 50]],
    palette: [['black', 3], ['navy', 2], ['forest', 1], ['rust', 1], ['dusty-pink', 2], ['beige', 2], ['off-white', 1], ['burgundy', 1], ['olive', 1], ['light-blue', 1], ['mustard', 1], ['red', 1]],
    garments: [
      garment({ en: 'Wrap Dress', sv: 'Omlottklänning', pl: 'Sukienka kopertowa', el: 'Κρουαζέ φόρεμα' }, 0, ['viscose', 'lyocell'], [59900, 79900], 'dresses'),
      garment({ en: 'Shirt Dress', sv: 'Skjortklänning', pl: 'Sukienka koszulowa', el: 'Φόρεμα σεμιζιέ' }, 1, ['cotton', 'linen', 'lyocell'], [59900, 69900], 'dresses'),
      garment({ en: 'Midi Dress', sv: 'Midiklänning', pl: 'Sukienka midi', el: 'Μίντι φόρεμα' }, 2, ['viscose', 'linen'], [49900, 69900, 89900], 'dresses'),
      garment({ en: 'Knitted Dress', sv: 'Stickad klänning', pl: 'Sukienka z dzianiny', el: 'Πλεκτό φόρεμα' }, 3, ['merino', 'wool'], [79900, 99900], 'dresses'),
      garment({ en: 'Floral Dress', sv: 'Blommig klänning', pl: 'Sukienka w kwiaty', el: 'Φλοράλ φόρεμα' }, 4, ['viscose'], [49900, 59900], 'dresses'),
    ],
    sentences: [
      { en: 'An easy dress that takes you from desk to dinner.', sv: 'En enkel klänning som tar dig från kontoret till middagen.', pl: 'Wygodna sukienka, która sprawdzi się w biurze i na kolacji.', el: 'Άνετο φόρεμα από το γραφείο μέχρι το δείπνο.' },
      { en: 'A defined waist and a skirt that falls softly.', sv: 'Markerad midja och en kjol med mjukt fall.', pl: 'Podkreślona talia i miękko układająca się spódnica.', el: 'Τονισμένη μέση και φούστα με απαλή πτώση.' },
      { en: 'Lined where it matters, with hidden pockets.', sv: 'Fodrad där det behövs, med dolda fickor.', pl: 'Podszewka tam, gdzie trzeba, i ukryte kieszenie.', el: 'Με φόδρα όπου χρειάζεται και κρυφές τσέπες.' },
    ],
    complements: ['shoes', 'accessories', 'knitwear', 'jackets'],
  },
  jackets: {
    share: 6,
    brand: 'NORRVIK',
    colourCounts: [[1, 50], [2, 50]],
    palette: [['black', 3], ['navy', 3], ['olive', 2], ['forest', 1], ['camel', 2], ['beige', 2], ['charcoal', 2], ['brown', 1], ['mustard', 1]],
    garments: [
      garment({ en: 'Down Jacket', sv: 'Dunjacka', pl: 'Kurtka puchowa', el: 'Μπουφάν με πούπουλα' }, 0, ['down'], [149900, 199900, 249900], 'tops'),
      garment({ en: 'Denim Jacket', sv: 'Jeansjacka', pl: 'Kurtka dżinsowa', el: 'Τζιν μπουφάν' }, 1, ['denim', 'rigid-denim'], [79900, 89900], 'tops', { palette: DENIM }),
      garment({ en: 'Rain Jacket', sv: 'Regnjacka', pl: 'Kurtka przeciwdeszczowa', el: 'Αδιάβροχο μπουφάν' }, 2, ['rain-shell'], [99900, 129900], 'tops'),
      garment({ en: 'Parka', sv: 'Parkas', pl: 'Parka', el: 'Παρκά' }, 2, ['rain-shell'], [179900, 219900], 'tops'),
      garment({ en: 'Wool Coat', sv: 'Ullrock', pl: 'Płaszcz z wełny', el: 'Μάλλινο παλτό' }, 3, ['wool'], [179900, 229900, 279900], 'tops'),
    ],
    sentences: [
      { en: 'Made for Nordic weather: wind, rain and sudden cold.', sv: 'Gjord för nordiskt väder: blåst, regn och plötslig kyla.', pl: 'Na nordycką pogodę: wiatr, deszcz i nagły chłód.', el: 'Για τον καιρό του Βορρά: αέρα, βροχή και ξαφνικό κρύο.' },
      { en: 'Deep pockets, a warm collar and adjustable cuffs.', sv: 'Djupa fickor, varm krage och justerbara ärmslut.', pl: 'Głębokie kieszenie, ciepły kołnierz i regulowane mankiety.', el: 'Βαθιές τσέπες, ζεστός γιακάς και ρυθμιζόμενα μανίκια.' },
      { en: 'Roomy enough for a knit underneath.', sv: 'Rymlig nog för en stickad tröja under.', pl: 'Obszerny krój, pod który zmieścisz sweter.', el: 'Αρκετά άνετο για να φορέσετε πλεκτό από μέσα.' },
    ],
    complements: ['knitwear', 'jeans', 'accessories', 'shoes', 't-shirts'],
  },
  shoes: {
    share: 7,
    brand: 'NORRVIK',
    colourCounts: [[1, 60], [2, 40]],
    palette: [['black', 4], ['brown', 3], ['cognac', 2], ['off-white', 3], ['beige', 1], ['navy', 1], ['charcoal', 1]],
    garments: [
      garment({ en: 'Leather Sneakers', sv: 'Sneakers i läder', pl: 'Skórzane sneakersy', el: 'Δερμάτινα sneakers' }, 0, ['leather'], [99900, 119900], 'shoes', {
        palette: [['off-white', 5], ['black', 3], ['navy', 1], ['beige', 1]],
      }),
      garment({ en: 'Canvas Sneakers', sv: 'Tygsneakers', pl: 'Trampki', el: 'Πάνινα sneakers' }, 1, ['canvas'], [59900, 69900], 'shoes', {
        palette: [['off-white', 4], ['black', 3], ['navy', 2], ['red', 1], ['olive', 1], ['mustard', 1]],
      }),
      garment({ en: 'Chelsea Boots', sv: 'Chelseaboots', pl: 'Sztyblety', el: 'Μποτάκια Chelsea' }, 2, ['leather', 'suede'], [149900, 179900], 'shoes', {
        palette: [['black', 4], ['brown', 3], ['cognac', 2], ['beige', 1]],
      }),
      garment({ en: 'Loafers', sv: 'Loafers', pl: 'Mokasyny', el: 'Μοκασίνια' }, 3, ['leather', 'suede'], [119900, 139900], 'shoes', {
        palette: [['black', 3], ['brown', 3], ['cognac', 2], ['burgundy', 1]],
      }),
      garment({ en: 'Winter Boots', sv: 'Vinterkängor', pl: 'Buty zimowe', el: 'Χειμερινές μπότες' }, 4, ['leather'], [149900, 199900], 'shoes', {
        palette: [['black', 3], ['brown', 3], ['cognac', 1], ['charcoal', 1]],
      }),
    ],
    sentences: [
      { en: 'A cushioned insole for long days on your feet.', sv: 'Stötdämpande innersula för långa dagar på fötterna.', pl: 'Amortyzująca wkładka na długie dni na nogach.', el: 'Πάτος που απορροφά τους κραδασμούς για πολλές ώρες στο πόδι.' },
      { en: 'True to size; between sizes, take the larger one.', sv: 'Normal i storleken; välj den större om du är mellan två storlekar.', pl: 'Rozmiar zgodny z tabelą; jeśli wahasz się między dwoma, wybierz większy.', el: 'Κανονικό νούμερο· αν είστε ανάμεσα σε δύο, επιλέξτε το μεγαλύτερο.' },
      { en: 'A sole that a cobbler can replace.', sv: 'En sula som en skomakare kan byta.', pl: 'Podeszwę może wymienić szewc.', el: 'Η σόλα αλλάζει σε οποιονδήποτε τσαγκάρη.' },
    ],
    complements: ['jeans', 'dresses', 'accessories', 't-shirts', 'jackets'],
  },
  accessories: {
    share: 6,
    brand: 'NORRVIK',
    colourCounts: [[2, 35], [3, 35], [4, 30]],
    palette: [['black', 3], ['navy', 2], ['camel', 2], ['brown', 2], ['cognac', 1], ['grey-melange', 2], ['burgundy', 1], ['forest', 1], ['mustard', 1], ['off-white', 1], ['beige', 1], ['olive', 1], ['rust', 1]],
    garments: [
      garment({ en: 'Tote Bag', sv: 'Tygkasse', pl: 'Torba', el: 'Πάνινη τσάντα' }, 0, ['canvas-bag'], [19900, 29900], 'one-size'),
      garment({ en: 'Beanie', sv: 'Mössa', pl: 'Czapka', el: 'Σκουφάκι' }, 1, ['merino', 'wool', 'lambswool'], [19900, 29900], 'one-size', { materialInName: true }),
      garment({ en: 'Scarf', sv: 'Halsduk', pl: 'Szalik', el: 'Κασκόλ' }, 2, ['wool', 'lambswool', 'cashmere'], [29900, 49900], 'one-size', { materialInName: true }),
      garment({ en: 'Cap', sv: 'Keps', pl: 'Czapka z daszkiem', el: 'Καπέλο τζόκεϊ' }, 3, ['cotton', 'organic-cotton'], [24900, 29900], 'one-size'),
      garment({ en: 'Leather Belt', sv: 'Skärp i läder', pl: 'Pasek skórzany', el: 'Δερμάτινη ζώνη' }, 4, ['belt-leather'], [39900, 49900], 'belts', {
        palette: [['black', 3], ['brown', 3], ['cognac', 2]],
      }),
      garment({ en: 'Backpack', sv: 'Ryggsäck', pl: 'Plecak', el: 'Σακίδιο πλάτης' }, 5, ['recycled-poly', 'canvas-bag'], [59900, 79900, 99900], 'one-size'),
    ],
    sentences: [
      { en: 'The finishing touch for a Nordic wardrobe.', sv: 'Den sista detaljen i en nordisk garderob.', pl: 'Ostatni szlif nordyckiej garderoby.', el: 'Η τελευταία πινελιά σε μια σκανδιναβική γκαρνταρόμπα.' },
      { en: 'Made to be used every day, for years.', sv: 'Gjord för att användas varje dag, i många år.', pl: 'Stworzone do codziennego użytku przez lata.', el: 'Φτιαγμένο για καθημερινή χρήση, για χρόνια.' },
    ],
    complements: ['jackets', 'knitwear', 'dresses', 't-shirts'],
  },
};
