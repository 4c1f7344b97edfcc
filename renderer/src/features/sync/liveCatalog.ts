import { StockChanged } from '../../../../shared/api/sync';
import type { EventPayload } from '../../../../shared/api/contract';

type CatalogEvent = 'catalog.stockChanged' | 'catalog.changed';

/** The part of the kiosk API the hub needs: event subscription (`kiosk.subscribe`). */
export type SubscribeFn = <E extends CatalogEvent>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;

export interface LiveCatalogOptions {
  /** A burst of events is answered once it has been quiet this long… */
  quietMs?: number;
  /** …or at the latest this long after its first event, so a steady trickle still updates the screen. */
  maxWaitMs?: number;
}

export interface LiveCatalog {
  /**
   * Calls `listener` with those of `watching()`'s style codes whose stock changed. `watching` is asked at
   * delivery time, so a list that grew since subscribing is matched as it is now.
   */
  onStockChanged(watching: () => Iterable<string>, listener: (changed: string[]) => void): () => void;
  /** Calls `listener` once the catalog itself changed (products, prices, texts, a new snapshot). */
  onCatalogChanged(listener: () => void): () => void;
}

/**
 * One subscription to the backend's catalog events for the whole UI, however many cards and pages listen.
 * Events are merged per burst (a delivery can move stock for hundreds of products in a few batches), so a
 * screen re-reads once, not once per event. It subscribes only while someone listens.
 */
export function createLiveCatalog(subscribe: SubscribeFn, options: LiveCatalogOptions = {}): LiveCatalog {
  const quietMs = options.quietMs ?? 250;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  const stockListeners = new Set<{ watching: () => Iterable<string>; listener: (changed: string[]) => void }>();
  const catalogListeners = new Set<() => void>();

  let pendingCodes = new Set<string>();
  let pendingCatalog = false;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let maxTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | null = null;

  const flush = (): void => {
    clearTimeout(quietTimer);
    clearTimeout(maxTimer);
    quietTimer = maxTimer = undefined;
    const codes = pendingCodes;
    const catalog = pendingCatalog;
    pendingCodes = new Set();
    pendingCatalog = false;
    // Copies: a listener may unsubscribe (or subscribe another) while we deliver.
    if (catalog) for (const listener of [...catalogListeners]) listener();
    if (codes.size === 0) return;
    for (const entry of [...stockListeners]) {
      const changed = [...new Set(entry.watching())].filter((code) => codes.has(code));
      if (changed.length > 0) entry.listener(changed);
    }
  };

  const schedule = (): void => {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(flush, quietMs);
    maxTimer ??= setTimeout(flush, maxWaitMs);
  };

  const connect = (): void => {
    if (unsubscribe) return;
    const offStock = subscribe('catalog.stockChanged', (payload) => {
      // The bridge does not validate events; a malformed one is dropped rather than crashing the screen.
      const event = StockChanged.safeParse(payload);
      if (!event.success) return;
      for (const code of event.data.styleCodes) pendingCodes.add(code);
      schedule();
    });
    const offCatalog = subscribe('catalog.changed', () => {
      pendingCatalog = true;
      schedule();
    });
    unsubscribe = () => {
      offStock();
      offCatalog();
    };
  };

  const disconnectIfIdle = (): void => {
    if (stockListeners.size > 0 || catalogListeners.size > 0 || !unsubscribe) return;
    unsubscribe();
    unsubscribe = null;
    clearTimeout(quietTimer);
    clearTimeout(maxTimer);
    quietTimer = maxTimer = undefined;
    pendingCodes = new Set();
    pendingCatalog = false;
  };

  return {
    onStockChanged(watching, listener) {
      const entry = { watching, listener };
      stockListeners.add(entry);
      connect();
      return () => {
        stockListeners.delete(entry);
        disconnectIfIdle();
      };
    },
    onCatalogChanged(listener) {
      // Wrapped, so the same function subscribed twice is two subscriptions, each removed on its own.
      const entry = (): void => listener();
      catalogListeners.add(entry);
      connect();
      return () => {
        catalogListeners.delete(entry);
        disconnectIfIdle();
      };
    },
  };
}
