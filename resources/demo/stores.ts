/**
 * NORRVIK's stock locations: stores in real Swedish towns (real coordinates, realistic addresses) and the
 * online warehouse. The demo chain has a dozen hand-written stores; the full chain adds generated ones
 * around more towns up to 49 stores. Phone numbers are from the ranges the Swedish regulator (PTS) keeps
 * for fiction, so no real shop is ever called.
 */
import { distanceKm } from '../../shared/geo';

export { distanceKm };

export type Hours = readonly [string, string] | null;

export interface DemoLocation {
  code: string;
  kind: 'store' | 'warehouse';
  name: string;
  address: string;
  postalCode: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
  timeZone: string;
  phone: string;
  /** Seven entries, Monday first: null (closed) or [open, close] in local time. */
  openingHours: readonly Hours[];
  /** The share of the catalogue this location stocks (0–1): the flagship and the warehouse carry most. */
  assortment: number;
}

export const DEMO_HOME_STORE = 'se-sto-drottninggatan';
export const ONLINE_WAREHOUSE = 'se-online';

const week = (weekday: Hours, saturday: Hours, sunday: Hours): Hours[] => [weekday, weekday, weekday, weekday, weekday, saturday, sunday];
/** Opening hours, and how much of the range each kind of store carries. */
const HOURS = {
  city: week(['10:00', '20:00'], ['10:00', '18:00'], ['11:00', '17:00']),
  mall: week(['10:00', '21:00'], ['10:00', '19:00'], ['10:00', '18:00']),
  town: week(['10:00', '19:00'], ['10:00', '16:00'], ['12:00', '16:00']),
  small: week(['10:00', '18:00'], ['10:00', '15:00'], null),
};

type Kind = keyof typeof HOURS;
const ASSORTMENT: Record<Kind, number> = { city: 0.7, mall: 0.7, town: 0.55, small: 0.4 };

function store(code: string, name: string, address: string, postalCode: string, city: string, lat: number, lon: number, phone: string, hours: Kind): DemoLocation {
  const assortment = code === DEMO_HOME_STORE ? 0.9 : ASSORTMENT[hours];
  return { code, kind: 'store', name, address, postalCode, city, country: 'SE', lat, lon, timeZone: 'Europe/Stockholm', phone, openingHours: HOURS[hours], assortment };
}

/** The demo chain: the flagship, three more in greater Stockholm, and stores across Sweden. */
export const DEMO_STORES: readonly DemoLocation[] = [
  store(DEMO_HOME_STORE, 'Stockholm Drottninggatan', 'Drottninggatan 53', '111 21', 'Stockholm', 59.3336, 18.0632, '+46 8 465 004 01', 'city'),
  store('se-sto-gotgatan', 'Stockholm Götgatan', 'Götgatan 31', '116 21', 'Stockholm', 59.3153, 18.0724, '+46 8 465 004 02', 'city'),
  store('se-sto-mall-of-scandinavia', 'Stockholm Mall of Scandinavia', 'Stjärntorget 2', '169 79', 'Solna', 59.3703, 18.0046, '+46 8 465 004 03', 'mall'),
  store('se-sto-taby', 'Stockholm Täby Centrum', 'Stora Marknadsvägen 15', '183 34', 'Täby', 59.4437, 18.0713, '+46 8 465 004 04', 'mall'),
  store('se-upp-forumgallerian', 'Uppsala Forumgallerian', 'Dragarbrunnsgatan 43', '753 20', 'Uppsala', 59.8590, 17.6447, '+46 70 174 06 11', 'city'),
  store('se-vas-stora-gatan', 'Västerås Stora Gatan', 'Stora Gatan 28', '722 12', 'Västerås', 59.6110, 16.5448, '+46 70 174 06 12', 'town'),
  store('se-got-nordstan', 'Göteborg Nordstan', 'Nordstadstorget 6', '411 05', 'Göteborg', 57.7089, 11.9690, '+46 31 390 069 01', 'mall'),
  store('se-mmo-sodergatan', 'Malmö Södergatan', 'Södergatan 12', '211 34', 'Malmö', 55.6036, 13.0007, '+46 40 628 04 01', 'city'),
  store('se-lund-stora-sodergatan', 'Lund Stora Södergatan', 'Stora Södergatan 8', '222 23', 'Lund', 55.7034, 13.1929, '+46 40 628 04 02', 'town'),
  store('se-lkp-storgatan', 'Linköping Storgatan', 'Storgatan 36', '582 23', 'Linköping', 58.4108, 15.6214, '+46 70 174 06 13', 'town'),
  store('se-ore-drottninggatan', 'Örebro Drottninggatan', 'Drottninggatan 18', '702 10', 'Örebro', 59.2741, 15.2066, '+46 70 174 06 14', 'town'),
  store('se-nkg-drottninggatan', 'Norrköping Drottninggatan', 'Drottninggatan 25', '602 24', 'Norrköping', 58.5877, 16.1924, '+46 70 174 06 15', 'town'),
  store('se-ume-kungsgatan', 'Umeå Kungsgatan', 'Kungsgatan 52', '903 26', 'Umeå', 63.8258, 20.2630, '+46 70 174 06 16', 'small'),
];

export const WAREHOUSE: DemoLocation = {
  code: ONLINE_WAREHOUSE,
  kind: 'warehouse',
  name: 'NORRVIK Online',
  address: 'Logistikgatan 4',
  postalCode: '556 52',
  city: 'Jönköping',
  country: 'SE',
  lat: 57.7318,
  lon: 14.1163,
  timeZone: 'Europe/Stockholm',
  phone: '+46 8 465 004 99',
  // Not open to visitors: it ships orders, it does not serve shoppers.
  openingHours: week(null, null, null),
  assortment: 0.97,
};

/** [town, lat, lon, first three digits of its postal codes, kind of store] for the full chain. */
const MORE_TOWNS: readonly (readonly [string, number, number, string, Kind])[] = [
  ['Gävle', 60.6749, 17.1413, '803', 'town'], ['Sundsvall', 62.3908, 17.3069, '852', 'town'], ['Luleå', 65.5848, 22.1547, '972', 'town'],
  ['Karlstad', 59.3793, 13.5036, '652', 'town'], ['Jönköping', 57.7826, 14.1618, '553', 'mall'], ['Växjö', 56.8777, 14.8091, '352', 'town'],
  ['Kalmar', 56.6634, 16.3568, '392', 'town'], ['Halmstad', 56.6745, 12.8578, '302', 'town'], ['Helsingborg', 56.0465, 12.6945, '252', 'city'],
  ['Borås', 57.7210, 12.9401, '503', 'town'], ['Eskilstuna', 59.3666, 16.5077, '632', 'town'], ['Södertälje', 59.1955, 17.6253, '151', 'town'],
  ['Falun', 60.6065, 15.6355, '791', 'small'], ['Kristianstad', 56.0294, 14.1567, '291', 'small'], ['Östersund', 63.1792, 14.6357, '831', 'small'],
  ['Skellefteå', 64.7507, 20.9528, '931', 'small'], ['Visby', 57.6348, 18.2948, '621', 'small'], ['Trollhättan', 58.2837, 12.2886, '461', 'small'],
  ['Nyköping', 58.7530, 17.0079, '611', 'small'], ['Karlskrona', 56.1612, 15.5869, '371', 'small'], ['Kiruna', 67.8558, 20.2253, '981', 'small'],
  ['Varberg', 57.1057, 12.2508, '432', 'small'], ['Uddevalla', 58.3498, 11.9424, '451', 'small'], ['Norrtälje', 59.7580, 18.7049, '761', 'small'],
  ['Sollentuna', 59.4280, 17.9507, '191', 'mall'], ['Nacka', 59.3108, 18.1637, '131', 'mall'], ['Kungsbacka', 57.4872, 12.0761, '434', 'mall'],
  ['Motala', 58.5371, 15.0365, '591', 'small'], ['Västervik', 57.7577, 16.6373, '593', 'small'], ['Hudiksvall', 61.7274, 17.1056, '824', 'small'],
  ['Örnsköldsvik', 63.2909, 18.7153, '891', 'small'], ['Piteå', 65.3172, 21.4794, '941', 'small'], ['Mora', 61.0048, 14.5372, '792', 'small'],
  ['Ängelholm', 56.2428, 12.8622, '262', 'small'], ['Enköping', 59.6361, 17.0777, '745', 'small'], ['Skövde', 58.3903, 13.8461, '541', 'small'],
];

const STREETS = ['Storgatan', 'Drottninggatan', 'Kungsgatan', 'Nygatan', 'Köpmangatan', 'Rådhusgatan'];

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-');
}

/** A store in each town of the full chain, with an address derived from the town's place in the list. */
function generatedStores(): DemoLocation[] {
  return MORE_TOWNS.map(([town, lat, lon, postal, kind], index) => {
    const street = STREETS[index % STREETS.length] ?? 'Storgatan';
    const number = 3 + ((index * 7) % 40);
    const phone = `+46 70 174 06 ${String(20 + index).padStart(2, '0')}`;
    const postalCode = `${postal} ${String(20 + ((index * 13) % 70)).padStart(2, '0')}`;
    return store(`se-${slug(town)}`, `${town} ${street}`, `${street} ${number}`, postalCode, town, lat, lon, phone, kind);
  });
}

/** Every location of the chain at a scale, stores first, the warehouse last. */
export function chainLocations(scale: 'demo' | 'full'): DemoLocation[] {
  return [...DEMO_STORES, ...(scale === 'full' ? generatedStores() : []), WAREHOUSE];
}

/** Great-circle distance in kilometres. */

export interface DemoRegion {
  home: string;
  /** Nearby store codes, closest first. */
  nearby: string[];
  warehouse: string;
}

/** The region of a demo store, or null when `code` is not one of the chain's stores at that scale. */
export function demoRegionCodes(code: string, scale: 'demo' | 'full' = 'demo'): DemoRegion | null {
  const locations = chainLocations(scale);
  return locations.some((location) => location.code === code && location.kind === 'store') ? regionFor(locations, code) : null;
}

/**
 * What a pillar in `home` caches: its store, the stores within `radiusKm` (and always at least the
 * `atLeast` closest, so a pillar in a small town still has somewhere to send the shopper), and the
 * online warehouse.
 */
export function regionFor(locations: readonly DemoLocation[], home: string, radiusKm = 80, atLeast = 3): DemoRegion {
  const homeStore = locations.find((location) => location.code === home && location.kind === 'store');
  if (!homeStore) throw new Error(`unknown demo store "${home}"; known: ${locations.filter((l) => l.kind === 'store').map((l) => l.code).join(', ')}`);
  const warehouse = locations.find((location) => location.kind === 'warehouse');
  if (!warehouse) throw new Error('the demo chain has no warehouse');
  const others = locations
    .filter((location) => location.kind === 'store' && location.code !== home)
    .map((location) => ({ code: location.code, km: distanceKm(homeStore, location) }))
    .sort((a, b) => a.km - b.km);
  const nearby = others.filter((other, index) => other.km <= radiusKm || index < atLeast).map((other) => other.code);
  return { home, nearby, warehouse: warehouse.code };
}
