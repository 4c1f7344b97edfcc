import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductCard } from '../../../../shared/api/catalog';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { ProductCardView } from '../search/ProductCardView';
import styles from './CompleteTheLook.module.css';

/** What goes with what was just ordered — in stock, not already in the order; each card opens its product. */
export function CompleteTheLook({ styleCodes, language, locale }: { styleCodes: readonly string[]; language: Language; locale: string }) {
  const { t } = useTranslation();
  const [cards, setCards] = useState<{ key: string; products: ProductCard[] }>({ key: '', products: [] });
  // One read per set of products and language (the codes as a string, so a new array of the same codes is no new read).
  const codes = [...new Set(styleCodes)].slice(0, 20).join(',');
  const key = `${language}:${codes}`;

  useEffect(() => {
    if (codes === '') return;
    let current = true;
    void kiosk.orders.complements({ styleCodes: codes.split(','), lang: language, limit: 6 }).then((answer) => {
      if (current && answer.ok) setCards({ key: `${language}:${codes}`, products: answer.value });
    });
    return () => {
      current = false;
    };
  }, [codes, language]);

  const products = cards.key === key ? cards.products : [];
  if (products.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="confirmation-more-heading">
      <h2 id="confirmation-more-heading" className={styles.heading}>
        {t('confirmation.more')}
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
