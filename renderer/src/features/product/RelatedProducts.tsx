import { useTranslation } from 'react-i18next';
import type { ProductCard } from '../../../../shared/api/catalog';
import { ProductCardView } from '../search/ProductCardView';
import styles from './RelatedProducts.module.css';

/** "Complete the look": what goes with it, only what the shopper can actually get; each opens its page. */
export function RelatedProducts({ products, locale }: { products: readonly ProductCard[]; locale: string }) {
  const { t } = useTranslation();
  if (products.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="product-related-heading">
      <h2 id="product-related-heading" className={styles.heading}>
        {t('product.related.heading')}
      </h2>
      <ul className={styles.row}>
        {products.map((product) => (
          <li key={product.styleCode} className={styles.item}>
            <ProductCardView product={product} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}
