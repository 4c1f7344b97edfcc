import { Star } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ProductCard } from '../../../../shared/api/catalog';
import { formatPrice, formatRating } from '../../app/format';
import { ProductImage } from '../../app/ui/ProductImage';
import { OpenProductButton, cardHost } from '../product/OpenProductButton';
import { cardImage } from './cards';
import { StockBadge } from './StockBadge';
import styles from './ProductCardView.module.css';

interface ProductCardViewProps {
  product: ProductCard;
  locale: string;
  /** The colours the results are filtered by: the card shows the first of them the product comes in. */
  colours?: readonly string[];
}

export function ProductCardView({ product, locale, colours = NO_COLOURS }: ProductCardViewProps) {
  const { t, i18n } = useTranslation();
  const average = formatRating(product.rating.average, i18n.language);
  return (
    <article className={`${styles.card} ${cardHost}`} aria-label={product.name}>
      <ProductImage path={cardImage(product, colours)} className={styles.media} />
      <div className={styles.body}>
        <h3 className={styles.name}>
          <OpenProductButton card={product}>{product.name}</OpenProductButton>
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

const NO_COLOURS: readonly string[] = [];
