import { StockStatus } from '../../../shared/api/catalog';
import { ERROR_CODES } from '../../../shared/api/result';
import { ActiveOffer } from '../../../shared/api/shopper';
import { StaffRole } from '../../../shared/api/staff';
import { SyncProgress } from '../../../shared/api/sync';
import { SIZE_KINDS } from '../features/search/sizeGroups';
import { HELP_SCREENS } from '../features/staff/staffWords';

/**
 * The translation keys the UI builds at run time from a template string (`status.` and then the
 * product's status), which no scan of the source can see. Each family is written as the code writes
 * it, `*` where the value goes, with every value it takes (from the API's own enums where there is
 * one). `i18n.test.ts` counts exactly these keys as used, and fails on a key built in the source whose
 * family is missing here, so a key never looks unused merely because it is built.
 */
export const DYNAMIC_KEYS: Readonly<Record<string, readonly string[]>> = {
  // StartScreen, ProductScreen, StoresScreen: the error an API call answered with.
  'errors.*': ERROR_CODES,
  // StockBadge: a product's stock status.
  'status.*': StockStatus.options,
  // FilterSheet: the kinds of size, each a group of chips.
  'filters.sizeKind.*': SIZE_KINDS,
  // Offers (the attract loop, the bands, the offer screen): an offer's kind and its check-in platform.
  'offers.kind.*': ActiveOffer.shape.kind.options,
  'offers.platform.*': ActiveOffer.shape.checkIn.unwrap().shape.platform.options,
  // ProvisioningScreen (syncText.ts): the first snapshot's stages.
  'sync.setup.stage.*': SyncProgress.shape.stage.options,
  // Staff mode: a staff member's role (the band, "Who's helping?"), and where a "call staff" came from (the queue).
  'staff.role.*': StaffRole.options,
  'staff.queue.screen.*': HELP_SCREENS,
};

/** Every key the families above stand for. */
export function dynamicKeys(): string[] {
  return Object.entries(DYNAMIC_KEYS).flatMap(([family, values]) => values.map((value) => family.replace('*', value)));
}
