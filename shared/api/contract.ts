import { z } from 'zod';
import type { ErrorCode } from './result';
import {
  AvailabilityInput,
  AvailabilityOutput,
  BarcodeInput,
  BarcodeOutput,
  CategoriesInput,
  CategoryTile,
  ProductCard,
  ProductDetail,
  ProductInput,
  RelatedInput,
  SearchInput,
  SearchOutput,
} from './catalog';
import { ActiveOffer, FacetsInput, FacetsOutput, HelpInput, HelpOutput, OffersInput, StoresInput, StoresOutput } from './shopper';
import {
  CheckDetailsInput,
  ComplementsInput,
  CheckDetailsOutput,
  ConfirmedOrder,
  OrderInput,
  OutboxStatus,
  PlaceInput,
  PlaceOutput,
  QuoteInput,
  QuoteOutput,
  RateInput,
  RateOutput,
} from './orders';
import { ClaimInput, ClaimOutput, CouponPools } from './coupons';
import {
  BadgeInput,
  BadgeOutput,
  HealthOutput,
  HelpQueueOutput,
  HelpStatusInput,
  HelpStatusOutput,
  HelpUpdateInput,
  SessionOutput,
  SignInInput,
  SignInOutput,
  StaffAccountsOutput,
  StaffActionInput,
  StaffActionOutput,
  StaffOrdersOutput,
  StaffProductInput,
  StaffProductOutput,
  type StaffRole,
} from './staff';
import { StockChanged, SyncStatus } from './sync';
import { SystemInfo } from './system';

/**
 * The kiosk API: every method the UI may call, with its input and output schemas and the errors it may
 * answer with, and every event the backend may push. Adding a method is one entry here plus its handler
 * in `electron/core`; the preload bridge, the IPC registration and the preview host's HTTP routes are all
 * generated from this object.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  /** Errors beyond the universal ones (`INVALID_INPUT`, `INTERNAL`, `FORBIDDEN`, `UNKNOWN_METHOD`). */
  errors: readonly ErrorCode[];
  /**
   * The staff role the pillar's current staff session must have (or outrank); absent = anyone at the
   * pillar. The dispatcher answers `FORBIDDEN` before the handler runs.
   */
  role?: StaffRole;
}

function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

/** No input: the method is called with `{}` (or nothing at all from the bridge). */
const NoInput = z.object({}).strict();

export const methods = {
  'system.info': method({
    summary: 'Who this pillar is (store, branding, languages, idle timeouts), or why its configuration is broken.',
    input: NoInput,
    output: SystemInfo,
    errors: [],
  }),
  'catalog.search': method({
    summary: 'Search as you type in the shopper’s language, with filters; always paged.',
    input: SearchInput,
    output: SearchOutput,
    errors: ['UNAVAILABLE'],
  }),
  'catalog.byBarcode': method({
    summary: 'The product and variant of a scanned GTIN/EAN.',
    input: BarcodeInput,
    output: BarcodeOutput,
    errors: ['INVALID_BARCODE', 'NOT_FOUND', 'UNAVAILABLE'],
  }),
  'catalog.product': method({
    summary: 'Everything the product page needs, in one call.',
    input: ProductInput,
    output: ProductDetail,
    errors: ['NOT_FOUND', 'UNAVAILABLE'],
  }),
  'catalog.availability': method({
    summary: 'Each variant: here, at nearby stores (nearest first, open now?), online; and how fresh that is.',
    input: AvailabilityInput,
    output: AvailabilityOutput,
    errors: ['NOT_FOUND', 'UNAVAILABLE'],
  }),
  'catalog.related': method({
    summary: 'Products that complete the look (or alternatives), in stock somewhere the shopper can get them.',
    input: RelatedInput,
    output: z.array(ProductCard),
    errors: ['NOT_FOUND', 'UNAVAILABLE'],
  }),
  'catalog.categories': method({
    summary: 'The categories with a product count and a picture, for browsing.',
    input: CategoriesInput,
    output: z.array(CategoryTile),
    errors: ['UNAVAILABLE'],
  }),
  'catalog.stores': method({
    summary: 'For one variant: the stores that have it (this one first, then nearest), with address, hours and open now; and online.',
    input: StoresInput,
    output: StoresOutput,
    errors: ['NOT_FOUND', 'UNAVAILABLE'],
  }),
  'catalog.facets': method({
    summary: 'The sizes and colours there are to filter by, in the whole catalog or one category.',
    input: FacetsInput,
    output: FacetsOutput,
    errors: ['UNAVAILABLE'],
  }),
  'help.request': method({
    summary: 'The shopper calls staff; kept on the pillar for staff to see. Repeated taps answer the same open request.',
    input: HelpInput,
    output: HelpOutput,
    errors: [],
  }),
  'offers.active': method({
    summary: 'Offers running in this store now, in the shopper’s language, with when each ends.',
    input: OffersInput,
    output: z.array(ActiveOffer),
    errors: ['UNAVAILABLE'],
  }),
  'coupons.claim': method({
    summary: 'A code for an offer from this pillar’s pool (offline too): one per offer per session, recorded and on its way to HQ before it is shown.',
    input: ClaimInput,
    output: ClaimOutput,
    errors: ['UNAVAILABLE'],
  }),
  'coupons.pools': method({
    summary: 'For staff and IT: codes left per offer of this store that has not ended, how many went out today, and which run low.',
    input: NoInput,
    output: CouponPools,
    errors: [],
  }),
  'orders.quote': method({
    summary: 'Prices the bag and checks every line against the cache: shipping, delivery window, holds, returns, and what moved.',
    input: QuoteInput,
    output: QuoteOutput,
    errors: ['UNAVAILABLE'],
  }),
  'orders.checkDetails': method({
    summary: 'Checks contact, address and delivery choices for the store’s country; problems by field, for the UI to translate.',
    input: CheckDetailsInput,
    output: CheckDetailsOutput,
    errors: ['UNAVAILABLE'],
  }),
  'orders.place': method({
    summary: 'Places the order: checked again, then written with its outbox row in one transaction; confirmed only after that commit.',
    input: PlaceInput,
    output: PlaceOutput,
    errors: ['UNAVAILABLE'],
  }),
  'orders.get': method({
    summary: 'A confirmed order of this session (for the confirmation screen: the payment link once HQ issued it).',
    input: OrderInput,
    output: ConfirmedOrder,
    errors: ['NOT_FOUND'],
  }),
  'orders.complements': method({
    summary: 'Complete the look for a bag: complementary products in stock that are not already in it.',
    input: ComplementsInput,
    output: z.array(ProductCard),
    errors: ['UNAVAILABLE'],
  }),
  'orders.rate': method({
    summary: '“How was your visit?”: stars and an optional comment, sent to HQ through the outbox.',
    input: RateInput,
    output: RateOutput,
    errors: [],
  }),
  'outbox.status': method({
    summary: 'What is still on its way to HQ, the last error, and rows HQ refused.',
    input: NoInput,
    output: OutboxStatus,
    errors: [],
  }),
  'help.status': method({
    summary: 'The shopper’s own “call staff” request: still open, or acknowledged (“someone is on their way”), and by whom.',
    input: HelpStatusInput,
    output: HelpStatusOutput,
    errors: ['NOT_FOUND'],
  }),
  'staff.accounts': method({
    summary: 'Who can sign in at this pillar (names and roles, for the PIN pad), and whether wrong PINs have locked it.',
    input: NoInput,
    output: StaffAccountsOutput,
    errors: [],
  }),
  'staff.badge': method({
    summary: 'A scanned staff badge: whose it is (it picks the account; the PIN is still asked).',
    input: BadgeInput,
    output: BadgeOutput,
    errors: [],
  }),
  'staff.signIn': method({
    summary: 'Checks a staff PIN against its slow hash; five wrong ones lock the pad with a growing delay. Recorded either way.',
    input: SignInInput,
    output: SignInOutput,
    errors: [],
  }),
  'staff.signOut': method({
    summary: 'Leaves staff mode (the shopper’s session in the page is untouched).',
    input: NoInput,
    output: SessionOutput,
    errors: [],
  }),
  'staff.session': method({
    summary: 'The staff session, if any; called on a staff touch, it keeps staff mode from timing out.',
    input: NoInput,
    output: SessionOutput,
    errors: [],
  }),
  'staff.product': method({
    summary: 'Staff detail for a product: SKU, barcode, exact quantities per store and warehouse, incoming deliveries.',
    input: StaffProductInput,
    output: StaffProductOutput,
    errors: ['NOT_FOUND', 'UNAVAILABLE'],
    role: 'staff',
  }),
  'staff.helpQueue': method({
    summary: 'The store’s “call staff” requests from every pillar (via HQ; this pillar’s own when offline), with how long each has waited.',
    input: NoInput,
    output: HelpQueueOutput,
    errors: [],
    role: 'staff',
  }),
  'staff.updateHelp': method({
    summary: 'Acknowledge (“on my way”) or resolve a “call staff” request; recorded, and on its way to HQ for every pillar of the store.',
    input: HelpUpdateInput,
    output: HelpStatusOutput,
    errors: ['NOT_FOUND'],
    role: 'staff',
  }),
  'staff.orders': method({
    summary: 'Today’s orders and holds placed at this pillar, with HQ’s status and any delivery to HQ that failed.',
    input: NoInput,
    output: StaffOrdersOutput,
    errors: [],
    role: 'staff',
  }),
  'staff.health': method({
    summary: 'The pillar’s health for managers and IT: sync, outbox, version, configuration (secrets hidden), disk, databases, last log lines.',
    input: NoInput,
    output: HealthOutput,
    errors: [],
    role: 'manager',
  }),
  'staff.action': method({
    summary: 'Sync now, resnapshot, restart the app, export logs (manager); exit kiosk mode (IT only).',
    input: StaffActionInput,
    output: StaffActionOutput,
    errors: ['UNAVAILABLE'],
    role: 'manager',
  }),
  'sync.status': method({
    summary: 'Sync with HQ: connected or not, last success and error, cursor, changes still to apply, provisioning progress.',
    input: NoInput,
    output: SyncStatus,
    errors: [],
  }),
} as const satisfies Record<`${string}.${string}`, MethodSpec>;

export const events = {
  /** The configuration changed on disk (IT edited or re-provisioned it): the UI re-reads who it is. */
  'system.infoChanged': SystemInfo,
  /** Sync state moved (phase, progress while provisioning, freshness after each applied batch). */
  'sync.statusChanged': SyncStatus,
  /** Stock changed for these products (a sale elsewhere, a delivery): open pages re-read them. */
  'catalog.stockChanged': StockChanged,
  /** The catalog itself changed (products, prices, texts, a new snapshot): lists and pages re-read. */
  'catalog.changed': z.object({ at: z.number().int() }),
  /** HQ acknowledged (or refused) an order of this pillar: the confirmation re-reads it (the payment link). */
  'orders.updated': z.object({ id: z.uuid() }),
  /** Staff mode began or ended (a tap, the idle timeout, a configuration change): the UI follows. */
  'staff.sessionChanged': SessionOutput,
  /** A "call staff" request made here was acknowledged or resolved: the shopper is told someone is coming. */
  'help.updated': HelpStatusOutput,
  /** The outbox moved (a row delivered, a new one waiting, a failure): staff views re-read `outbox.status`. */
  'outbox.changed': z.object({ pending: z.number().int() }),
} as const satisfies Record<`${string}.${string}`, z.ZodType>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;

/** What a caller passes (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after validation. */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** The IPC channel of a method; only the bridge and the main-process registration use it. */
export function methodChannel(name: MethodName): string {
  return `kiosk:${name}`;
}

export function eventChannel(name: EventName): string {
  return `kiosk-event:${name}`;
}
