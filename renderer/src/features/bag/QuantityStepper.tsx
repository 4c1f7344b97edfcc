import { Minus, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { MAX_QUANTITY } from './bagLines';
import styles from './QuantityStepper.module.css';

interface QuantityStepperProps {
  /** What it counts, for the buttons' names ("One more Oxford shirt"). */
  name: string;
  quantity: number;
  /** How many can be had this way; the + stops there. */
  max: number;
  disabled?: boolean;
  onChange(quantity: number): void;
}

/** − 2 +: buttons a thumb hits (never under 48 px), the number between them said when it changes. */
export function QuantityStepper({ name, quantity, max, disabled, onChange }: QuantityStepperProps) {
  const { t } = useTranslation();
  const ceiling = Math.min(MAX_QUANTITY, Math.max(max, 1));
  return (
    <div className={styles.stepper} role="group" aria-label={t('bag.quantityOf', { name })}>
      <button type="button" className={styles.step} aria-label={t('bag.less', { name })} disabled={disabled || quantity <= 1} onClick={() => onChange(quantity - 1)}>
        <Minus aria-hidden="true" />
      </button>
      <output className={styles.value} aria-live="polite">
        {quantity}
      </output>
      <button type="button" className={styles.step} aria-label={t('bag.more', { name })} disabled={disabled || quantity >= ceiling} onClick={() => onChange(quantity + 1)}>
        <Plus aria-hidden="true" />
      </button>
    </div>
  );
}
