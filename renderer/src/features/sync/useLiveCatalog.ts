import { useEffect, useRef } from 'react';
import { kiosk } from '../../api/kiosk';
import { createLiveCatalog } from './liveCatalog';

/** The UI's one hub for catalog events (it subscribes to the backend only while a screen listens). */
const liveCatalog = createLiveCatalog((event, listener) => kiosk.subscribe(event, listener));

/**
 * Stock moved for some of these products (a sale in another store, a delivery): `onChange` gets those
 * style codes, bursts merged, so the caller re-reads them (a product page its availability, a list its
 * cards). The latest `styleCodes` and `onChange` are always used; neither needs to be stable.
 * This is about stock only: a screen that also shows prices or texts listens to `useCatalogChanged` too.
 */
export function useStockChanged(styleCodes: readonly string[], onChange: (changed: string[]) => void): void {
  const codes = useRef(styleCodes);
  const callback = useRef(onChange);
  useEffect(() => {
    codes.current = styleCodes;
    callback.current = onChange;
  });
  useEffect(
    () =>
      liveCatalog.onStockChanged(
        () => codes.current,
        (changed) => callback.current(changed),
      ),
    [],
  );
}

/** The catalog itself changed (products, prices, texts, a new snapshot): re-run what is on screen. */
export function useCatalogChanged(onChange: () => void): void {
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(() => liveCatalog.onCatalogChanged(() => callback.current()), []);
}
