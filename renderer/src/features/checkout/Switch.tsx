import { useTranslation } from 'react-i18next';
import styles from './Switch.module.css';

interface SwitchProps {
  label: string;
  /** Said under the label: what turning it on means. */
  description?: string | undefined;
  checked: boolean;
  onChange(checked: boolean): void;
  /** Ids of text that explains it further (a problem said next to it). */
  describedBy?: string | undefined;
}

/** An on/off choice as a big row: the words, then a switch that also says "On" or "Off" (never colour alone). */
export function Switch({ label, description, checked, onChange, describedBy }: SwitchProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-describedby={describedBy}
      className={styles.row}
      onClick={() => onChange(!checked)}
    >
      <span className={styles.text}>
        <span className={styles.label}>{label}</span>
        {description ? <span className={styles.description}>{description}</span> : null}
      </span>
      <span className={styles.state} aria-hidden="true">
        {checked ? t('checkout.on') : t('checkout.off')}
      </span>
      <span className={styles.track} aria-hidden="true">
        <span className={styles.thumb} />
      </span>
    </button>
  );
}
