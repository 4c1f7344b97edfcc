import { useEffect, useState } from 'react';
import type { FacetsOutput } from '../../../../shared/api/shopper';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { useCatalogChanged } from '../sync/useLiveCatalog';

/**
 * The sizes and colours there are to filter by, in the whole catalog or one category, in the shopper's
 * language; read again when HQ changes the catalog. Null until the first answer (the chips wait for it).
 */
export function useFacets(category: string | null, language: Language): FacetsOutput | null {
  const [answer, setAnswer] = useState<{ key: string; facets: FacetsOutput } | null>(null);
  const [catalogVersion, setCatalogVersion] = useState(0);
  const key = `${language}/${category ?? ''}/${catalogVersion}`;

  useCatalogChanged(() => setCatalogVersion((version) => version + 1));

  useEffect(() => {
    let current = true;
    void kiosk.catalog.facets({ lang: language, ...(category ? { category } : {}) }).then((result) => {
      if (current && result.ok) setAnswer({ key, facets: result.value });
    });
    return () => {
      current = false;
    };
  }, [key, language, category]);

  // The last answer stays while the next is on its way (chips do not blink when the category changes).
  return answer?.facets ?? null;
}
