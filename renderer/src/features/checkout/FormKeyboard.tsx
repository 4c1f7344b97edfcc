import { useMemo, type RefObject } from 'react';
import type { Language } from '../../../../shared/languages';
import { formLayouts, isPad, type Capitalize, type FieldKind, type PostalSeparator } from '../keyboard/formLayouts';
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
  className?: string;
}

/** The pillar's keyboard for a form field: the field's own keys, docked at the foot, clear of the call-staff button. */
export function FormKeyboard({ language, field, value, kind, capitalize, maxLength, postalSeparator = null, enterLabel, onText, onEnter, className }: FormKeyboardProps) {
  const layouts = useMemo(() => formLayouts(kind, language, postalSeparator), [kind, language, postalSeparator]);
  return (
    <OnScreenKeyboard
      className={className}
      language={language}
      field={field}
      layouts={layouts}
      value={value}
      capitalize={capitalize}
      maxLength={maxLength}
      enterLabel={enterLabel}
      pad={isPad(kind)}
      clearCorner
      onText={onText}
      onSearch={onEnter}
    />
  );
}
