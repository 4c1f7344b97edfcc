import { CircleAlert } from 'lucide-react';
import type { Ref } from 'react';
import styles from './TextField.module.css';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  /** Said under the label (an example, "optional"). */
  hint?: string | undefined;
  /** What is wrong, in words; the field is marked invalid while there is one. */
  error?: string | null | undefined;
  /** Said under the field once the core has read it ("We'll use +46 70 123 45 67"). */
  confirmation?: string | null | undefined;
  maxLength: number;
  autoComplete: string;
  type: 'text' | 'tel';
  ref?: Ref<HTMLInputElement>;
  onText(value: string): void;
  onFocusChange(focused: boolean): void;
  /** Enter on a physical keyboard: on to the next field, as the pillar's Next key does. */
  onEnter(): void;
}

/**
 * A checkout field: a big label always in view (never only a placeholder), the pillar's own keyboard
 * (`inputMode="none"`: the system's never opens), and a problem said in words with an icon right under it.
 */
export function TextField({ id, label, value, hint, error, confirmation, maxLength, autoComplete, type, ref, onText, onFocusChange, onEnter }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const confirmationId = `${id}-confirmation`;
  const describedBy = [hint ? hintId : null, error ? errorId : null, confirmation && !error ? confirmationId : null].filter(Boolean).join(' ');
  return (
    <div className={`${styles.field} ${error ? styles.invalid : ''}`}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        className={styles.input}
        type={type}
        inputMode="none"
        value={value}
        maxLength={maxLength}
        autoComplete={autoComplete}
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="next"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onText(event.target.value)}
        onFocus={() => onFocusChange(true)}
        onBlur={() => onFocusChange(false)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onEnter();
          }
        }}
      />
      {error ? (
        <p id={errorId} className={styles.error}>
          <CircleAlert aria-hidden="true" />
          <span>{error}</span>
        </p>
      ) : confirmation ? (
        <p id={confirmationId} className={styles.confirmation}>
          {confirmation}
        </p>
      ) : null}
    </div>
  );
}
