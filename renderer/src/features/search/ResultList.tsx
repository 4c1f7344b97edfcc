import { useTranslation } from 'react-i18next';
import type { SearchOutput } from '../../../../shared/api/catalog';
import type { Language } from '../../../../shared/languages';
import { Button } from '../../app/ui/Button';
import { useStockChanged } from '../sync/useLiveCatalog';
import { ProductCardView } from './ProductCardView';
import { useSearchStore } from './searchStore';
import styles from './ResultList.module.css';

interface ResultListProps {
  result: SearchOutput;
  language: Language;
  locale: string;
}

/**
 * The result cards, kept live: when stock moves for a product on screen, its card re-reads itself, in
 * place, so a badge changes without a tap and the list never jumps.
 */
export function ResultList({ result, language, locale }: ResultListProps) {
  const { t } = useTranslation();
  const loadMore = useSearchStore((state) => state.loadMore);
  useStockChanged(
    result.items.map((item) => item.styleCode),
    (changed) => void useSearchStore.getState().refreshProducts(changed, language),
  );

  return (
    <>
      <ul className={styles.results}>
        {result.items.map((product) => (
          <li key={product.styleCode}>
            <ProductCardView product={product} locale={locale} />
          </li>
        ))}
      </ul>
      {result.items.length < result.total ? (
        <div className={styles.more}>
          <Button variant="secondary" onClick={() => void loadMore(language)}>
            {t('search.showMore', { shown: result.items.length, total: result.total })}
          </Button>
        </div>
      ) : null}
    </>
  );
}
