import { CircleSlash, Truck } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../../shared/api/catalog';
import type { StoresOutput } from '../../../../shared/api/shopper';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { Button } from '../../app/ui/Button';
import { ProductImage } from '../../app/ui/ProductImage';
import { useNow } from '../../app/useNow';
import { LanguagePicker } from '../language/LanguagePicker';
import { useAddToBag } from '../bag/AddToBag';
import { useOrderContext } from '../bag/useOrderContext';
import { ScreenHeader } from '../product/ScreenHeader';
import { useDelayed } from '../product/useDelayed';
import { useSessionStore } from '../session/sessionStore';
import { FreshnessLine } from '../sync/FreshnessLine';
import { StoreCard } from './StoreCard';
import { localTime } from './storeHours';
import { useStores } from './useStores';
import styles from './StoresScreen.module.css';

interface StoresScreenProps {
  info: ReadySystemInfo;
  language: Language;
  route: { styleCode: string; sku: string };
  onChooseLanguage(language: Language): void;
  onStartOver(): void;
}

/** "Open now" and "opens at 10:00" follow the clock while the screen is up. */
const CLOCK_TICK_MS = 30_000;

/**
 * For one variant: the stores that have it — this store first, then the nearest — with distance,
 * address, today's hours and whether each is open now; and online, with free delivery. Missing here,
 * online leads (the free-shipping order is the easiest way to get it).
 */
export function StoresScreen({ info, language, route, onChooseLanguage, onStartOver }: StoresScreenProps) {
  const { t } = useTranslation();
  const page = useStores(route.styleCode, route.sku, language);
  const showWaiting = useDelayed(page.loading, 150);
  const { back } = useSessionStore();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);

  return (
    <main className={styles.screen}>
      <ScreenHeader brand={info.branding.name} store={info.store.name} backLabel={t('stores.back')} onBack={back} onStartOver={onStartOver} />
      <div className={styles.scroller}>
        <h1 ref={heading} className={styles.heading} tabIndex={-1}>
          {t('stores.heading')}
        </h1>
        {page.detail && page.stores ? <VariantSummary detail={page.detail} stores={page.stores} /> : null}
        {page.stores ? (
          <StoreList
            info={info}
            language={language}
            stores={page.stores}
          />
        ) : page.error ? (
          <p className={styles.message} role="alert">
            {t(`errors.${page.error}`)}
          </p>
        ) : showWaiting ? (
          <div className={styles.placeholder} role="status" aria-label={t('stores.loading')} />
        ) : null}
        <FreshnessLine language={language} storeLocale={info.locale} />
      </div>
      <footer className={styles.footer}>
        <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
      </footer>
    </main>
  );
}

function VariantSummary({ detail, stores }: { detail: ProductDetail; stores: StoresOutput }) {
  const { t } = useTranslation();
  const colour = detail.colours.find((c) => c.code === stores.colourCode)?.name ?? stores.colourCode;
  const picture = detail.images[stores.colourCode]?.[0] ?? detail.image;
  return (
    <div className={styles.summary}>
      <ProductImage path={picture} className={styles.thumb} />
      <div>
        <p className={styles.productName}>{detail.name}</p>
        <p className={styles.variant}>{t('stores.variant', { colour, size: stores.size })}</p>
      </div>
    </div>
  );
}

interface StoreListProps {
  info: ReadySystemInfo;
  language: Language;
  stores: StoresOutput;
}

function StoreList({ info, language, stores }: StoreListProps) {
  const { t } = useTranslation();
  const now = useNow(CLOCK_TICK_MS);
  const local = localTime(now, info.timeZone);
  const locale = { language, storeLocale: info.locale };
  // Ordering online or holding at a store puts the variant in the bag, checked with the core first.
  const bag = useAddToBag(useOrderContext(info, language));
  const here = stores.stores[0]?.here === true;

  const online = (
    <section className={styles.online} aria-labelledby="stores-online-heading">
      <Truck className={styles.onlineIcon} aria-hidden="true" />
      <div className={styles.onlineText}>
        <h2 id="stores-online-heading" className={styles.onlineHeading}>
          {t('stores.online.heading')}
        </h2>
        <p>{stores.online > 0 ? t('stores.online.body') : t('stores.online.none')}</p>
      </div>
      {stores.online > 0 && !here ? (
        <Button variant="primary" disabled={bag.busy} onClick={() => bag.add({ sku: stores.sku, styleCode: stores.styleCode, fulfilment: { kind: 'delivery' } })}>
          {t('stores.online.order')}
        </Button>
      ) : null}
    </section>
  );

  return (
    <>
      {!here && stores.online > 0 ? online : null}
      {stores.stores.length > 0 ? (
        <section className={styles.list} aria-labelledby="stores-list-heading">
          <h2 id="stores-list-heading" className={styles.listHeading}>
            {t('stores.count', { count: stores.stores.length })}
          </h2>
          {stores.stores.map((store) => (
            <StoreCard
              key={store.code}
              store={store}
              local={local}
              locale={locale}
              onHold={store.here ? undefined : () => bag.add({ sku: stores.sku, styleCode: stores.styleCode, fulfilment: { kind: 'hold', store: store.code } })}
            />
          ))}
        </section>
      ) : (
        <p className={styles.none}>
          <CircleSlash aria-hidden="true" />
          {stores.online > 0 ? t('stores.none') : t('stores.soldout')}
        </p>
      )}
      {here || stores.online === 0 ? online : null}
      {bag.sheet}
    </>
  );
}
