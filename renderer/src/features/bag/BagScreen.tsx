import { ArrowRight, ShoppingBag } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { Button } from '../../app/ui/Button';
import { LanguagePicker } from '../language/LanguagePicker';
import { ScreenHeader } from '../product/ScreenHeader';
import { useSessionStore } from '../session/sessionStore';
import { itemCount, lineKey, quoteMatches, quotedLine } from './bagLines';
import { useBagStore } from './bagStore';
import { BagLineCard } from './BagLineCard';
import { OrderFacts, OrderTotals } from './OrderTotals';
import { money } from './orderWords';
import { useBagQuote } from './useBagQuote';
import { useOrderContext } from './useOrderContext';
import styles from './BagScreen.module.css';

interface BagScreenProps {
  info: ReadySystemInfo;
  language: Language;
  onChooseLanguage(language: Language): void;
  onStartOver(): void;
}

/**
 * The bag: every line with its picture, size, how it comes (switchable) and how many; the total with
 * delivery ("Free" in words), when things arrive, returns; and one big "Check out".
 */
export function BagScreen({ info, language, onChooseLanguage, onStartOver }: BagScreenProps) {
  const { t } = useTranslation();
  const { back, open } = useSessionStore();
  const lines = useBagStore((state) => state.lines);
  const quote = useBagStore((state) => state.quote);
  const quoteError = useBagStore((state) => state.quoteError);
  const context = useOrderContext(info, language);
  const heading = useRef<HTMLHeadingElement>(null);
  useBagQuote(language);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);

  const current = quoteMatches(quote, lines);
  const ready = current && quote?.ready === true;
  const count = itemCount(lines);
  const { setQuantity, setFulfilment, remove } = useBagStore.getState();

  return (
    <main className={styles.screen}>
      <ScreenHeader brand={info.branding.name} store={info.store.name} backLabel={t('bag.back')} onBack={back} onStartOver={onStartOver} bag={false} />
      <div className={styles.scroller}>
        <div className={styles.titles}>
          <h1 ref={heading} className={styles.heading} tabIndex={-1}>
            {t('bag.heading')}
          </h1>
          {count > 0 ? <p className={styles.count}>{t('bag.count', { count })}</p> : null}
        </div>

        {lines.length === 0 ? (
          <div className={styles.empty}>
            <ShoppingBag className={styles.emptyIcon} aria-hidden="true" />
            <p className={styles.emptyTitle}>{t('bag.empty')}</p>
            <p className={styles.emptyBody}>{t('bag.emptyBody')}</p>
            <Button variant="primary" onClick={() => open({ name: 'start' })}>
              {t('bag.keepShopping')}
            </Button>
          </div>
        ) : (
          <>
            <section className={styles.lines} aria-label={t('bag.linesLabel')}>
              {lines.map((line, at) => {
                // While a new quote is asked, a line keeps showing what the last one said about its variant.
                const quoted = quotedLine(quote, line, at) ?? quote?.lines.find((candidate) => candidate.sku === line.sku);
                if (!quoted) return null;
                const key = lineKey(line);
                return (
                  <BagLineCard
                    key={key}
                    line={line}
                    quoted={quoted}
                    quote={quote}
                    context={context}
                    onQuantity={(quantity) => void setQuantity(key, quantity, language)}
                    onFulfilment={(fulfilment) => void setFulfilment(key, fulfilment, language)}
                    onRemove={() => void remove(key, language)}
                  />
                );
              })}
            </section>

            {quote ? (
              <section className={styles.summary} aria-labelledby="bag-summary-heading">
                <h2 id="bag-summary-heading" className={styles.summaryHeading}>
                  {t('bag.totals.heading')}
                </h2>
                <OrderTotals totals={quote} context={context} updating={!current} />
                <OrderFacts
                  delivery={quote.delivery}
                  holds={quote.holds}
                  inStore={lines.some((line) => line.fulfilment.kind === 'in-store')}
                  returns={quote.returns}
                  context={context}
                />
              </section>
            ) : quoteError ? (
              <p className={styles.notice} role="alert">
                {t('bag.unavailable')}
              </p>
            ) : null}
          </>
        )}
        <div className={styles.language}>
          <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
        </div>
      </div>

      {lines.length > 0 ? (
        <footer className={styles.footer}>
          {current && quote && !quote.ready ? (
            <p className={styles.fixFirst} role="status">
              {t('bag.fixFirst')}
            </p>
          ) : null}
          <div className={styles.bar}>
            {quote ? (
              <p className={`${styles.barTotal} ${current ? '' : styles.updating}`}>
                <span className={styles.barLabel}>{t('bag.totalShort')}</span>
                <span className={styles.barAmount}>{money(quote.totalMinor, quote.currency, info.locale)}</span>
              </p>
            ) : null}
            <Button variant="primary" size="hero" className={styles.checkout} icon={<ArrowRight />} disabled={!ready} onClick={() => open({ name: 'checkout' })}>
              {t('bag.checkout')}
            </Button>
          </div>
        </footer>
      ) : null}
    </main>
  );
}
