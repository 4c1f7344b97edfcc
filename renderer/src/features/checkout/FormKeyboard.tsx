import { ChevronDown } from 'lucide-react';
import { useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/languages';
import { formLayouts, isPad, type Capitalize, type FieldKind, type PostalSeparator } from '../keyboard/formLayouts';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard';
import styles from './FormKeyboard.module.css';

interface FormKeyboardProps {
  language: Language;
  field: RefObject<HTMLInputElement | null>;
  value: string;
  kind: FieldKind;
  capitalize: Capitalize;
  maxLength: number;
  postalSeparator?: PostalSeparator;
  enterLabel: string;
  onText(value: string): void;
  onEnter(): void;
}

/**
 * The pillar's keyboard for a form field: the field's own keys, docked at the foot, with "Hide keyboard"
 * in a strip under the keys that keeps the call-staff button in the corner clear of every key.
 */
export function FormKeyboard({ language, field, value, kind, capitalize, maxLength, postalSeparator = null, enterLabel, onText, onEnter }: FormKeyboardProps) {
  const { t } = useTranslation();
  const layouts = useMemo(() => formLayouts(kind, language, postalSeparator), [kind, language, postalSeparator]);
  return (
    <OnScreenKeyboard
      language={language}
      field={field}
      layouts={layouts}
      value={value}
      capitalize={capitalize}
      maxLength={maxLength}
      enterLabel={enterLabel}
      pad={isPad(kind)}
      onText={onText}
      onSearch={onEnter}
      footer={
        // The keyboard keeps the focus in the field on pointerdown; the click then lets it go.
        <button type="button" tabIndex={-1} className={styles.hide} onClick={() => field.current?.blur()}>
          <ChevronDown aria-hidden="true" />
          {t('checkout.hideKeyboard')}
        </button>
      }
    />
  );
}
