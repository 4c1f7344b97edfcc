import { useMemo, type RefObject } from 'react';
import type { Language } from '../../../../shared/languages';
import { formLayouts, isPad, type Capitalize, type FieldKind, type PostalSeparator } from '../keyboard/formLayouts';
import { HideKeyboardButton } from '../keyboard/HideKeyboardButton';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard';

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
      footer={<HideKeyboardButton field={field} />}
    />
  );
}
