import { create } from 'zustand';
import { kiosk } from '../../api/kiosk';
import { useSessionStore } from '../session/sessionStore';
import { useStaffStore } from '../staff/staffStore';
import { barcodeDigits, looksLikeBarcode } from './barcode';

/** What the shopper is told after a scan that found nothing (a found code just opens its product). */
export type ScanNotice = 'notFound' | 'unavailable';

interface ScannerState {
  notice: ScanNotice | null;
  /** Looks a scanned or typed code up and opens that product with that variant, or says kindly why not. */
  lookUp(code: string): Promise<void>;
  dismiss(): void;
}

/** The longest code the API takes; anything longer is no barcode we sell. */
const MAX_CODE = 64;
let generation = 0;

export const useScannerStore = create<ScannerState>()((set) => ({
  notice: null,
  async lookUp(code) {
    const mine = ++generation;
    // A code that is no product barcode may be a staff badge: it opens the PIN pad with that person picked.
    const trimmed = code.trim();
    if (!looksLikeBarcode(trimmed) && trimmed.length >= 4 && trimmed.length <= MAX_CODE) {
      const badge = await kiosk.staff.badge({ code: trimmed });
      if (mine !== generation) return;
      if (badge.ok && badge.value.account) {
        set({ notice: null });
        useStaffStore.getState().openEntry(badge.value.account);
        return;
      }
    }
    const digits = barcodeDigits(code);
    const answer = digits.length <= MAX_CODE ? await kiosk.catalog.byBarcode({ code: digits }) : null;
    // A newer scan, or the session ending, wins.
    if (mine !== generation) return;
    if (answer?.ok) {
      set({ notice: null });
      const { styleCode, colourCode, sku } = answer.value;
      useSessionStore.getState().open({ name: 'product', styleCode, colourCode, sku });
      return;
    }
    // A code that is not a barcode, or one we do not sell, is the same to the shopper: not found.
    const broken = answer !== null && (answer.error.code === 'UNAVAILABLE' || answer.error.code === 'INTERNAL');
    set({ notice: broken ? 'unavailable' : 'notFound' });
  },
  dismiss() {
    generation++;
    set({ notice: null });
  },
}));
