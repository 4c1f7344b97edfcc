import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductDetail } from '../../../../shared/api/catalog';
import type { ErrorCode } from '../../../../shared/api/result';
import type { StoresOutput } from '../../../../shared/api/shopper';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { rememberedPage } from '../product/pageCache';
import { useCatalogChanged, useStockChanged } from '../sync/useLiveCatalog';

export interface StoresPage {
  stores: StoresOutput | null;
  /** The product, for the summary at the top (name, colour, picture). */
  detail: ProductDetail | null;
  error: ErrorCode | null;
  loading: boolean;
}

/**
 * The stores that have one variant, kept current: stock moving for its product re-reads them in place.
 * The product comes from the page the shopper just left when it is at hand, so the summary paints at once.
 */
export function useStores(styleCode: string, sku: string, language: Language): StoresPage {
  const [stores, setStores] = useState<StoresOutput | null>(null);
  const [detail, setDetail] = useState<ProductDetail | null>(() => rememberedPage(styleCode, language)?.detail ?? null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const reads = useRef({ stores: 0, detail: 0 });

  // Plain promise callbacks rather than `await`: the state is set when an answer arrives, never during the effect.
  const readStores = useCallback(() => {
    const mine = ++reads.current.stores;
    return kiosk.catalog.stores({ sku }).then((answer) => {
      if (mine !== reads.current.stores) return;
      if (answer.ok) {
        setStores(answer.value);
        setError(null);
      } else {
        // A background re-read that fails keeps what is on screen.
        setError((current) => current ?? answer.error.code);
      }
    });
  }, [sku]);

  const readDetail = useCallback(() => {
    const mine = ++reads.current.detail;
    return kiosk.catalog.product({ styleCode, lang: language }).then((answer) => {
      if (mine === reads.current.detail && answer.ok) setDetail(answer.value);
    });
  }, [styleCode, language]);

  useEffect(() => {
    void readStores();
  }, [readStores]);

  useEffect(() => {
    void readDetail();
  }, [readDetail]);

  useStockChanged([styleCode], () => void readStores());
  useCatalogChanged(() => {
    void readStores();
    void readDetail();
  });

  return { stores, detail, error: stores ? null : error, loading: stores === null && error === null };
}
