import { ChevronDown } from 'lucide-react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './HideKeyboardButton.module.css';

/**
 * "Hide keyboard", for the strip under the keys (beside the call-staff button): it lets the field go,
 * which puts the keyboard away. Never tabbed to: the field keeps the focus while typing.
 */
export function HideKeyboardButton({ field }: { field: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  return (
    // The keyboard keeps the focus in the field on pointerdown; the click then lets it go.
    <button type="button" tabIndex={-1} className={styles.hide} onClick={() => field.current?.blur()}>
      <ChevronDown aria-hidden="true" />
      {t('keyboard.hide')}
    </button>
  );
}
