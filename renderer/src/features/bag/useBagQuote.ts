import { useEffect } from 'react';
import type { Language } from '../../../../shared/languages';
import { useCatalogChanged, useStockChanged } from '../sync/useLiveCatalog';
import { useBagStore } from './bagStore';

/**
 * Keeps the bag's quote current while a screen shows it: asked again when the screen opens (stock may
 * have moved since the line was added), when the language changes (names), and when stock or the
 * catalog moves for what is in the bag.
 */
export function useBagQuote(language: Language): void {
  const quote = useBagStore((state) => state.quote);
  useEffect(() => {
    void useBagStore.getState().requote(language);
  }, [language]);
  useStockChanged(quote?.lines.map((line) => line.styleCode) ?? [], () => void useBagStore.getState().requote(language));
  useCatalogChanged(() => void useBagStore.getState().requote(language));
}
