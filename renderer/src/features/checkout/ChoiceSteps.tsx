import { Check, Smartphone, WalletCards } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Payment } from './checkoutSteps';
import { Switch } from './Switch';
import { FieldProblem } from './FieldProblem';
import styles from './CheckoutScreen.module.css';

/** (d) News and offers: its own step, its own switch, off until the shopper turns it on. */
export function ConsentStep({ consent, onConsent }: { consent: boolean; onConsent(consent: boolean): void }) {
  const { t } = useTranslation();
  return (
    <div className={styles.fields}>
      <p className={styles.lead}>{t('checkout.consent.body')}</p>
      <Switch label={t('checkout.consent.switch')} description={t('checkout.consent.detail')} checked={consent} onChange={onConsent} />
      <p className={styles.note}>{t('checkout.consent.notNeeded')}</p>
    </div>
  );
}

interface PaymentStepProps {
  payment: Payment | null;
  /** HQ can be reached now: only then is paying on the phone offered (its link comes from HQ). */
  phoneOffered: boolean;
  problem: string | null;
  onPayment(payment: Payment): void;
}

/** (e) How to pay: at the till, or on the phone while HQ can issue the link. The pillar never sees a card. */
export function PaymentStep({ payment, phoneOffered, problem, onPayment }: PaymentStepProps) {
  const { t } = useTranslation();
  return (
    <div className={styles.fields}>
      <div className={styles.choices} role="radiogroup" aria-label={t('checkout.steps.payment')} aria-describedby={problem ? 'checkout-payment-problem' : undefined}>
        <ChoiceCard checked={payment === 'till'} icon={<WalletCards />} title={t('checkout.payment.till')} body={t('checkout.payment.tillBody')} onChoose={() => onPayment('till')} />
        {phoneOffered || payment === 'phone' ? (
          <ChoiceCard checked={payment === 'phone'} icon={<Smartphone />} title={t('checkout.payment.phone')} body={t('checkout.payment.phoneBody')} onChoose={() => onPayment('phone')} />
        ) : null}
      </div>
      {phoneOffered ? null : (
        <p className={styles.note}>
          <Smartphone aria-hidden="true" />
          <span>{t('checkout.payment.phoneUnavailable')}</span>
        </p>
      )}
      {problem ? (
        <FieldProblem id="checkout-payment-problem" text={problem} />
      ) : null}
    </div>
  );
}

interface ChoiceCardProps {
  checked: boolean;
  icon: React.ReactNode;
  title: string;
  body: string;
  onChoose(): void;
}

function ChoiceCard({ checked, icon, title, body, onChoose }: ChoiceCardProps) {
  return (
    <button type="button" role="radio" aria-checked={checked} className={styles.choice} onClick={onChoose}>
      <span className={styles.choiceIcon} aria-hidden="true">
        {icon}
      </span>
      <span className={styles.choiceText}>
        <span className={styles.choiceTitle}>{title}</span>
        <span className={styles.choiceBody}>{body}</span>
      </span>
      <span className={styles.tick} aria-hidden="true">
        {checked ? <Check /> : null}
      </span>
    </button>
  );
}
