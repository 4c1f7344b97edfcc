import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { StepName } from './checkoutSteps';
import { stepName } from './stepWords';
import styles from './StepIndicator.module.css';

interface StepIndicatorProps {
  steps: readonly StepName[];
  current: StepName;
}

/**
 * Where the shopper is in checkout: "Step 2 of 5 · Address" in words, and a bar per step — done ones
 * ticked, the current one marked — so the length of what is left is seen at a glance.
 */
export function StepIndicator({ steps, current }: StepIndicatorProps) {
  const { t } = useTranslation();
  const at = steps.indexOf(current);
  return (
    <nav className={styles.indicator} aria-label={t('checkout.progress')}>
      <p className={styles.words}>
        {t('checkout.stepOf', { step: at + 1, total: steps.length })}
        <span aria-hidden="true">{' · '}</span>
        <strong>{stepName(current, t)}</strong>
      </p>
      <ol className={styles.bars}>
        {steps.map((step, index) => (
          <li
            key={step}
            className={`${styles.bar} ${index < at ? styles.done : index === at ? styles.current : ''}`}
            aria-current={index === at ? 'step' : undefined}
          >
            {index < at ? <Check className={styles.tick} aria-hidden="true" /> : null}
            <span className={styles.label}>{stepName(step, t)}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
