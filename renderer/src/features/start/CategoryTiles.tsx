import type { CategoryTile } from '../../../../shared/api/catalog';
import type { Language } from '../../../../shared/languages';
import { ProductImage } from '../../app/ui/ProductImage';
import { useSearchStore } from '../search/searchStore';
import styles from './CategoryTiles.module.css';

/** The categories as picture tiles: browsing for a shopper who does not know what to type. */
export function CategoryTiles({ categories, language }: { categories: readonly CategoryTile[]; language: Language }) {
  return (
    <ul className={styles.categories}>
      {categories.map((tile) => (
        <li key={tile.id}>
          <button type="button" className={styles.tile} onClick={() => useSearchStore.getState().setCategory(tile.id, language)}>
            <ProductImage path={tile.image} className={styles.image} />
            <span className={styles.name}>{tile.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
