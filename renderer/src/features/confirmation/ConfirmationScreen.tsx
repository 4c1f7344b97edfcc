import { CircleCheck, Hourglass, LogOut, Smartphone, WalletCards } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfirmedOrder } from '../../../../shared/api/orders';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { Wordmark } from '../../app/Wordmark';
import { Button } from '../../app/ui/Button';
import { OrderFacts, OrderTotals } from '../bag/OrderTotals';
import type { OrderContext } from '../bag/orderWords';
import { useOrderContext } from '../bag/useOrderContext';
import { FormKeyboard } from '../checkout/FormKeyboard';
import { LanguagePicker } from '../language/LanguagePicker';
import { CompleteTheLook } from './CompleteTheLook';
import { useConfirmationStore } from './confirmationStore';
import { OrderQr } from './OrderQr';
import { COMMENT_MAX, RatingCard } from './RatingCard';
import { useResetCountdown } from './useResetCountdown';
import styles from './ConfirmationScreen.module.css';

interface ConfirmationScreenProps {
  info: ReadySystemInfo;
  language: Language;
  route: { orderId: string };
  onChooseLanguage(language: Language): void;
  /** "I'm done", or the countdown ran out: the session ends and everything typed is wiped. */
  onDone(): void;
}

/**
 * The order is placed: its code, big and as a QR code for the till; pay on the phone once HQ's link is
 * here; when and where things come; returns; what goes with it; "How was your visit?"; and a calm
 * countdown that clears the screen for the next shopper (a touch restarts it, "I'm done" ends it now).
 */
export function ConfirmationScreen({ info, language, route, onChooseLanguage, onDone }: ConfirmationScreenProps) {
  const { t } = useTranslation();
  const order = useConfirmationStore((state) => state.order);
  const comment = useConfirmationStore((state) => state.comment);
  const context = useOrderContext(info, language);
  const heading = useRef<HTMLHeadingElement>(null);
  const commentField = useRef<HTMLInputElement>(null);
  const [typing, setTyping] = useState(false);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);

  // Read again in the shopper's language (names of the lines), and whenever HQ answers for this order:
  // that is when the pay-on-phone link arrives.
  useEffect(() => {
    void useConfirmationStore.getState().load(route.orderId, language);
    return kiosk.subscribe('orders.updated', (payload) => {
      if (payload.id === route.orderId) void useConfirmationStore.getState().load(route.orderId, language);
    });
  }, [route.orderId, language]);

  useEffect(() => {
    if (typing) requestAnimationFrame(() => commentField.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  }, [typing]);

  return (
    <main className={styles.screen}>
      {/* "I'm done" is at the foot, beside the countdown, where a hand reaches: the top stays calm. */}
      <header className={styles.header}>
        <Wordmark brand={info.branding.name} store={info.store.name} />
      </header>

      <div className={styles.scroller}>
        <div className={styles.hero}>
          <CircleCheck className={styles.heroIcon} aria-hidden="true" />
          <h1 ref={heading} className={styles.heading} tabIndex={-1}>
            {t('confirmation.heading')}
          </h1>
        </div>

        {order ? <OrderBody order={order} context={context} /> : null}

        {order ? <CompleteTheLook styleCodes={order.lines.map((line) => line.styleCode)} language={language} locale={info.locale} /> : null}

        <RatingCard language={language} commentRef={commentField} onCommentFocus={setTyping} />

        {typing ? null : (
          <div className={styles.language}>
            <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
          </div>
        )}
      </div>

      {order ? <ResetBar seconds={order.resetAfterSeconds} onDone={onDone} /> : null}

      {typing ? (
        <FormKeyboard
          language={language}
          field={commentField}
          value={comment}
          kind="text"
          capitalize="sentences"
          maxLength={COMMENT_MAX}
          enterLabel={t('rating.send')}
          onText={(value) => useConfirmationStore.getState().setComment(value)}
          onEnter={() => {
            commentField.current?.blur();
            void useConfirmationStore.getState().rate(language);
          }}
        />
      ) : null}
    </main>
  );
}

function OrderBody({ order, context }: { order: ConfirmedOrder; context: OrderContext }) {
  const { t } = useTranslation();
  const { payment } = order;
  const spelled = order.code.split('').join(' ');
  return (
    <>
      <section className={styles.codeCard} aria-labelledby="confirmation-code-label">
        <OrderQr value={order.code} label={t('confirmation.codeQr', { code: spelled })} />
        <div className={styles.codeText}>
          <p id="confirmation-code-label" className={styles.codeLabel}>
            {t('confirmation.code')}
          </p>
          <p className={styles.code} aria-label={spelled}>
            {order.code}
          </p>
          <p className={styles.till}>
            <WalletCards aria-hidden="true" />
            <span>{t('confirmation.till')}</span>
          </p>
        </div>
      </section>

      {payment.kind === 'phone' ? (
        <section className={styles.phoneCard} aria-labelledby="confirmation-phone-heading" aria-live="polite">
          {payment.url ? <OrderQr value={payment.url} label={t('confirmation.phoneQr')} size="medium" /> : <Hourglass className={styles.waiting} aria-hidden="true" />}
          <div className={styles.codeText}>
            <h2 id="confirmation-phone-heading" className={styles.phoneHeading}>
              <Smartphone aria-hidden="true" />
              {t('confirmation.phone')}
            </h2>
            <p className={styles.phoneBody}>{payment.url ? t('confirmation.phoneScan') : t('confirmation.phoneWaiting')}</p>
          </div>
        </section>
      ) : null}

      <section className={styles.details} aria-label={t('confirmation.details')}>
        <OrderFacts
          delivery={order.delivery}
          holds={order.holds}
          inStore={order.lines.some((line) => line.fulfilment.kind === 'in-store')}
          returns={order.returns}
          context={context}
        />
        <OrderTotals totals={order} context={context} />
      </section>
    </>
  );
}

function ResetBar({ seconds, onDone }: { seconds: number; onDone(): void }) {
  const { t } = useTranslation();
  const remaining = useResetCountdown(seconds, onDone);
  return (
    <footer className={styles.footer}>
      <div className={styles.countdown} role="timer" aria-live="off">
        <span className={styles.countdownText}>{t('confirmation.resetIn', { count: remaining })}</span>
        <span className={styles.track} aria-hidden="true">
          <span className={styles.fill} style={{ transform: `scaleX(${remaining / seconds})` }} />
        </span>
      </div>
      <Button variant="primary" icon={<LogOut />} onClick={onDone}>
        {t('confirmation.done')}
      </Button>
    </footer>
  );
}
