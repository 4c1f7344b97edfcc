import type { TFunction } from 'i18next';
import { formatDistance } from '../stores/storeText';
import type { SizeCell } from './sizeGrid';

/** What a size tile says: its status in words, and for nearby stock the nearest store in a few words. */
export interface SizeWords {
  label: string;
  detail: string | null;
}

/**
 * A size's availability in words (the tile adds an icon; colour is never the only sign): "In this
 * store", "At 2 nearby stores · Nearest 5,3 km, open now", "Online, free delivery", "Sold out".
 */
export function sizeWords(cell: SizeCell, t: TFunction, storeLocale: string): SizeWords {
  if (cell.sku === null) return { label: t('product.sizes.notInColour'), detail: null };
  switch (cell.status) {
    case 'here':
      return { label: t('product.sizes.here'), detail: null };
    case 'nearby': {
      const label = t('product.sizes.nearby', { count: cell.nearbyCount });
      if (!cell.nearest) return { label, detail: null };
      const distance = formatDistance(cell.nearest.distanceKm, storeLocale);
      return { label, detail: cell.nearest.openNow ? t('product.sizes.nearestOpen', { distance }) : t('product.sizes.nearestClosed', { distance }) };
    }
    case 'online':
      return { label: t('product.sizes.online'), detail: null };
    case 'soldout':
      return { label: t('product.sizes.soldout'), detail: null };
    case null:
      return { label: t('product.sizes.unknown'), detail: null };
  }
}

/** The whole tile as a screen reader says it: "W28 L30: At 2 nearby stores, Nearest 5,3 km, open now". */
export function sizeTileLabel(cell: SizeCell, words: SizeWords): string {
  return [`${cell.size}: ${words.label}`, words.detail].filter(Boolean).join(', ');
}
