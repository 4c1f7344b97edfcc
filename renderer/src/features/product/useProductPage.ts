import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductCard, ProductDetail } from '../../../../shared/api/catalog';
import type { ErrorCode } from '../../../../shared/api/result';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { afterNextPaint } from '../../app/afterPaint';
import { useCatalogChanged, useStockChanged } from '../sync/useLiveCatalog';
import { detailFromCard, openedCard, rememberPage, rememberedPage, type ProductPageData } from './pageCache';

export interface ProductPage extends ProductPageData {
  /** Why the product could not be shown (nothing else is on screen then); null otherwise. */
  error: ErrorCode | null;
  /** Still waiting for the product itself. */
  loading: boolean;
  /**
   * While the product is on its way: what the card the shopper tapped already said (name, price, rating,
   * colours, each colour's first picture), so the page paints in the tap's own frame; null otherwise.
   */
  preview: ProductDetail | null;
}

/**
 * Everything the product page shows, kept current: the product, where each variant is, and what
 * completes the look. It answers at once from what was read before (going back to a product) and
 * re-reads in the background; stock moving re-reads only availability (or the related
 * cards), so the page updates in place and the shopper's choice of colour and size — which lives in the
 * route, not here — is untouched. A failed background read keeps what is on screen.
 */
export function useProductPage(styleCode: string, language: Language): ProductPage {
  const [data, setData] = useState<ProductPageData>(() => rememberedPage(styleCode, language) ?? EMPTY);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [opened] = useState(() => {
    const card = openedCard(styleCode);
    return card ? detailFromCard(card) : null;
  });
  // Answers to an older read (another language, an earlier stock event) never overwrite newer ones.
  const reads = useRef({ detail: 0, availability: 0, related: 0 });

  const update = useCallback(
    (patch: Partial<ProductPageData>) => {
      setData((current) => {
        const next = { ...current, ...patch };
        rememberPage(styleCode, language, next);
        return next;
      });
    },
    [styleCode, language],
  );

  // Plain promise callbacks rather than `await`: the state is set when an answer arrives, never during the effect.
  const readDetail = useCallback(() => {
    const mine = ++reads.current.detail;
    return kiosk.catalog.product({ styleCode, lang: language }).then((answer) => {
      if (mine !== reads.current.detail) return;
      setLoaded(true);
      if (answer.ok) {
        setError(null);
        update({ detail: answer.value });
      } else if (answer.error.code === 'NOT_FOUND') {
        // Gone from the catalog: say so, rather than keep showing what can no longer be had.
        setError('NOT_FOUND');
        update({ detail: null });
      } else {
        setError((current) => current ?? answer.error.code);
      }
    });
  }, [styleCode, language, update]);

  const readAvailability = useCallback(() => {
    const mine = ++reads.current.availability;
    return kiosk.catalog.availability({ styleCode }).then((answer) => {
      if (mine === reads.current.availability && answer.ok) update({ availability: answer.value });
    });
  }, [styleCode, update]);

  const readRelated = useCallback(() => {
    const mine = ++reads.current.related;
    return kiosk.catalog.related({ styleCode, lang: language, kind: 'complement', limit: 6 }).then((answer) => {
      if (mine === reads.current.related && answer.ok) update({ related: answer.value });
    });
  }, [styleCode, language, update]);

  const fromCard = opened !== null;
  useEffect(() => {
    const readAll = (): void => {
      void readDetail();
      void readAvailability();
      void readRelated();
    };
    // Opened from a card: the card's preview is painted first and the reads start right after that
    // frame (starting three reads takes longer than drawing it). Otherwise there is nothing to paint yet.
    if (fromCard) return afterNextPaint(readAll);
    readAll();
  }, [readDetail, readAvailability, readRelated, fromCard]);

  useStockChanged([styleCode, ...data.related.map((card) => card.styleCode)], (changed) => {
    if (changed.includes(styleCode)) void readAvailability();
    if (changed.some((code) => code !== styleCode)) void readRelated();
  });

  useCatalogChanged(() => {
    void readDetail();
    void readAvailability();
    void readRelated();
  });

  const showing = data.detail?.styleCode === styleCode ? data : EMPTY;
  const preview = !showing.detail && !error && opened?.styleCode === styleCode ? opened : null;
  return { ...showing, error: showing.detail ? null : error, loading: !showing.detail && !loaded, preview };
}

const EMPTY: ProductPageData = { detail: null, availability: null, related: [] as ProductCard[] };
