import { ArrowRight, MapPin, Store, Truck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { Wordmark } from '../../app/Wordmark';
import { Button } from '../../app/ui/Button';
import { LanguagePicker } from '../language/LanguagePicker';
import { BarcodeScanner } from '../scanner/BarcodeScanner';
import { AttractIllustration } from './AttractIllustration';
import { OfferCarousel } from './OfferCarousel';
import styles from './AttractScreen.module.css';

interface AttractScreenProps {
  info: ReadySystemInfo;
  language: Language;
  onChooseLanguage(language: Language): void;
  onStart(): void;
  /** The shopper wants an offer's code: the session starts on that offer. */
  onOpenOffer(offerId: string): void;
}

/**
 * The idle loop: who we are, today's offers, what the pillar does for you, and one big way in — touching
 * anywhere, or scanning a price tag straight away.
 */
export function AttractScreen({ info, language, onChooseLanguage, onStart, onOpenOffer }: AttractScreenProps) {
  const { t } = useTranslation();
  return (
    <>
      <main className={styles.screen} onClick={onStart}>
        <header className={styles.header}>
          <Wordmark brand={info.branding.name} store={info.store.name} />
        </header>

        <div className={styles.stage}>
          <OfferCarousel
            language={language}
            locale={info.locale}
            currency={info.currency}
            fallback={<AttractIllustration className={styles.illustration} />}
            onGetCode={(offer) => onOpenOffer(offer.id)}
          />
        </div>

        <section className={styles.hero}>
          <p className={styles.welcome}>{t('attract.welcome', { store: info.store.name })}</p>
          <h1 className={styles.headline}>{t('attract.headline')}</h1>
          <p className={styles.subline}>{t('attract.subline')}</p>
          <ul className={styles.promises}>
            <li>
              <Store aria-hidden="true" />
              {t('attract.promiseHere')}
            </li>
            <li>
              <MapPin aria-hidden="true" />
              {t('attract.promiseNearby')}
            </li>
            <li>
              <Truck aria-hidden="true" />
              {t('attract.promiseOnline')}
            </li>
          </ul>
        </section>

        {/* Language and the way in sit low, in reach from a wheelchair as well as standing. */}
        <footer className={styles.footer}>
          <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
          <Button
            variant="primary"
            size="hero"
            className={styles.cta}
            icon={<ArrowRight />}
            onClick={(event) => {
              event.stopPropagation();
              onStart();
            }}
          >
            <span className={styles.ctaText}>
              <span className={styles.ctaTitle}>{t('attract.findYourSize')}</span>
              <span className={styles.ctaHint}>{t('attract.cta')}</span>
            </span>
          </Button>
        </footer>
      </main>
      <BarcodeScanner />
    </>
  );
}
