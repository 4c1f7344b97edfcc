import { Star, StarHalf } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../../shared/api/catalog';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { formatPrice, formatRating } from '../../app/format';
import { useOrderContext } from '../bag/useOrderContext';
import { LanguagePicker } from '../language/LanguagePicker';
import { OfferBand } from '../offers/OfferBand';
import { useSessionStore } from '../session/sessionStore';
import { StaffProductDetail } from '../staff/StaffProductDetail';
import { selectStaffDetail, useStaffStore } from '../staff/staffStore';
import { FreshnessLine } from '../sync/FreshnessLine';
import { ColourPicker } from './ColourPicker';
import { Gallery } from './Gallery';
import { ProductSkeleton } from './ProductSkeleton';
import { RelatedProducts } from './RelatedProducts';
import { ScreenHeader } from './ScreenHeader';
import { SizeGrid } from './SizeGrid';
import { sameSizeInOtherColours, selectionOf, sizeCells, switchColour, type Selection } from './sizeGrid';
import { useDelayed } from './useDelayed';
import { useProductPage } from './useProductPage';
import { VariantChoice } from './VariantChoice';
import styles from './ProductScreen.module.css';

export interface ProductRoute {
  styleCode: string;
  colourCode?: string;
  sku?: string;
}

interface ProductScreenProps {
  info: ReadySystemInfo;
  language: Language;
  route: ProductRoute;
  onChooseLanguage(language: Language): void;
  onStartOver(): void;
}

/** A skeleton only for a wait longer than this: a quicker answer paints without a flash. */
const SKELETON_AFTER_MS = 150;

/**
 * One product: pictures, name, price, rating, colours, and the size grid that says where every size
 * is. The shopper's choice of colour and size lives in the route, so it survives stock updates, the
 * stores screen and back, and leaves with the session.
 */
export function ProductScreen({ info, language, route, onChooseLanguage, onStartOver }: ProductScreenProps) {
  const { t } = useTranslation();
  const page = useProductPage(route.styleCode, language);
  const showSkeleton = useDelayed(page.loading, SKELETON_AFTER_MS);
  const heading = useRef<HTMLHeadingElement>(null);
  const { back } = useSessionStore();

  // The product, or until it arrives what the tapped card said (the same page, filled in a moment later).
  const shown = page.detail ?? page.preview;

  // A new product takes the focus to its name, so a screen reader starts at the top of the new page.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!shown || focused.current === shown.styleCode) return;
    focused.current = shown.styleCode;
    heading.current?.focus({ preventScroll: true });
  }, [shown]);

  return (
    <main className={styles.screen}>
      <ScreenHeader brand={info.branding.name} store={info.store.name} backLabel={t('product.back')} onBack={back} onStartOver={onStartOver} />
      <div className={styles.scroller}>
        {shown ? (
          <ProductBody info={info} detail={shown} complete={page.detail !== null} page={page} route={route} headingRef={heading} language={language} />
        ) : page.error ? (
          <p className={styles.message} role="alert">
            {t(`errors.${page.error}`)}
          </p>
        ) : showSkeleton ? (
          <ProductSkeleton />
        ) : null}
      </div>
      <footer className={styles.footer}>
        <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
      </footer>
    </main>
  );
}

interface ProductBodyProps {
  info: ReadySystemInfo;
  detail: ProductDetail;
  /** False while `detail` is the tapped card's preview: the sizes and what depends on them wait for the product. */
  complete: boolean;
  page: ReturnType<typeof useProductPage>;
  route: ProductRoute;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  language: Language;
}

function ProductBody({ info, detail, complete, page, route, headingRef, language }: ProductBodyProps) {
  const { t, i18n } = useTranslation();
  const { replace, open } = useSessionStore();
  const choice = useRef<HTMLElement>(null);
  const selection = selectionOf(detail, route);
  const cells = sizeCells(detail, page.availability, selection.colourCode);
  const chosen = cells.find((cell) => cell.sku !== null && cell.sku === selection.sku) ?? null;
  const colourName = detail.colours.find((colour) => colour.code === selection.colourCode)?.name ?? selection.colourCode;
  const context = useOrderContext(info, language);
  const staffDetail = useStaffStore(selectStaffDetail);

  const select = (next: Selection): void => {
    replace({ name: 'product', styleCode: detail.styleCode, colourCode: next.colourCode, ...(next.sku ? { sku: next.sku } : {}) });
  };

  // A size just chosen, or arriving chosen (a scan, back from the stores): bring its answer into view.
  const chosenSku = chosen?.sku ?? null;
  const lastChosen = useRef<string | null>(null);
  useEffect(() => {
    if (chosenSku && chosenSku !== lastChosen.current) choice.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    lastChosen.current = chosenSku;
  }, [chosenSku]);

  const average = formatRating(detail.rating.average, i18n.language);

  return (
    <div className={styles.body}>
      <div className={styles.media}>
        <Gallery detail={detail} colourCode={selection.colourCode} onColour={(code) => select(switchColour(detail, selection, code))} />
      </div>

      <div className={styles.details}>
        <div className={styles.identity}>
          <p className={styles.brand}>{detail.brand}</p>
          <h1 ref={headingRef} className={styles.name} tabIndex={-1}>
            {detail.name}
          </h1>
          <p className={styles.price}>{formatPrice(detail.price, info.locale)}</p>
          {detail.rating.count > 0 ? (
            <p className={styles.rating} aria-label={t('product.rating', { average, count: detail.rating.count })}>
              <Stars average={detail.rating.average} />
              <span className={styles.average}>{average}</span>
              <span className={styles.reviews}>{t('product.reviews', { count: detail.rating.count })}</span>
            </p>
          ) : (
            <p className={styles.reviews}>{t('product.noReviews')}</p>
          )}
        </div>

        <OfferBand language={language} locale={info.locale} currency={info.currency} styleCode={detail.styleCode} />

        <ColourPicker colours={detail.colours} chosen={selection.colourCode} onChoose={(code) => select(switchColour(detail, selection, code))} />

        <section className={styles.sizes} aria-labelledby="product-size-heading" aria-busy={!complete}>
          <div className={styles.sizesHead}>
            <h2 id="product-size-heading" className={styles.sectionHeading}>
              {t('product.sizes.heading')}
            </h2>
            <p className={styles.hint}>{t('product.sizes.hint')}</p>
          </div>
          {complete ? (
            <SizeGrid cells={cells} chosenSku={selection.sku} storeLocale={info.locale} onChoose={(sku) => select({ colourCode: selection.colourCode, sku })} />
          ) : (
            // The room of one row of sizes, kept for them: they arrive within a frame or two, while the page fades in.
            <div className={styles.sizesPending} />
          )}
          <FreshnessLine language={language} storeLocale={info.locale} className={styles.freshness} />
        </section>

        {staffDetail && complete ? (
          <StaffProductDetail styleCode={detail.styleCode} language={language} colourCode={selection.colourCode} chosenSku={selection.sku ?? null} locale={info.locale} storeName={info.store.name} />
        ) : null}

        {chosen ? (
          <VariantChoice
            ref={choice}
            cell={chosen}
            styleCode={detail.styleCode}
            colourName={colourName}
            context={context}
            otherColours={sameSizeInOtherColours(detail, page.availability, selection.colourCode, chosen.size)}
            onStores={(sku) => open({ name: 'stores', styleCode: detail.styleCode, sku })}
            onOtherColour={(other) => select({ colourCode: other.colourCode, sku: other.sku })}
          />
        ) : null}

        {detail.description ? (
          <section className={styles.about} aria-labelledby="product-about-heading">
            <h2 id="product-about-heading" className={styles.sectionHeading}>
              {t('product.about')}
            </h2>
            <p className={styles.description}>{detail.description}</p>
          </section>
        ) : null}

        <RelatedProducts products={page.related} locale={info.locale} />
      </div>
    </div>
  );
}

/** Five stars, filled to the nearest half; the words beside them say the same for screen readers. */
function Stars({ average }: { average: number }) {
  const halves = Math.round(average * 2);
  return (
    <span className={styles.stars} aria-hidden="true">
      {Array.from({ length: 5 }, (_, at) => {
        const filled = halves - at * 2;
        return filled >= 2 ? (
          <Star key={at} className={styles.starFull} />
        ) : filled === 1 ? (
          <span key={at} className={styles.starHalf}>
            <Star className={styles.starEmpty} />
            <StarHalf className={styles.starFull} />
          </span>
        ) : (
          <Star key={at} className={styles.starEmpty} />
        );
      })}
    </span>
  );
}
