import { Star } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ProductCard } from '../../../../shared/api/catalog';
import { formatPrice } from '../../app/format';
import { ProductImage } from '../../app/ui/ProductImage';
import { OpenProductButton, cardHost } from '../product/OpenProductButton';
import { StockBadge } from './StockBadge';
import styles from './ProductCardView.module.css';

export function ProductCardView({ product, locale }: { product: ProductCard; locale: string }) {
  const { t, i18n } = useTranslation();
  const average = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(product.rating.average);
  return (
    <article className={`${styles.card} ${cardHost}`} aria-label={product.name}>
      <ProductImage path={product.image} className={styles.media} />
      <div className={styles.body}>
        <h3 className={styles.name}>
          <OpenProductButton styleCode={product.styleCode}>{product.name}</OpenProductButton>
        </h3>
        <p className={styles.price}>{formatPrice(product.price, locale)}</p>
        {product.rating.count > 0 ? (
          <p className={styles.rating} aria-label={t('product.rating', { average, count: product.rating.count })}>
            <Star aria-hidden="true" />
            {average}
            <span className={styles.count}>({product.rating.count})</span>
          </p>
        ) : null}
        <StockBadge status={product.status} />
      </div>
    </article>
  );
}
