import { Search, X } from 'lucide-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SEARCH_LENGTH } from '../keyboard/editText';
import styles from './SearchField.module.css';

interface SearchFieldProps {
  ref: Ref<HTMLInputElement>;
  value: string;
  onText(value: string): void;
  /** Enter (a physical keyboard) or the on-screen keyboard's Search key. */
  onSubmit(): void;
  onFocusChange(focused: boolean): void;
}

/**
 * The big search field. `inputMode="none"`: the operating system's keyboard never opens; the pillar's
 * own keyboard does, while the field has the focus.
 */
export function SearchField({ ref, value, onText, onSubmit, onFocusChange }: SearchFieldProps) {
  const { t } = useTranslation();
  return (
    <div className={styles.field}>
      <Search className={styles.icon} aria-hidden="true" />
      <input
        ref={ref}
        type="search"
        inputMode="none"
        className={styles.input}
        value={value}
        maxLength={MAX_SEARCH_LENGTH}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        onChange={(event) => onText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.defaultPrevented) {
            event.preventDefault();
            onSubmit();
          }
        }}
        onFocus={() => onFocusChange(true)}
        onBlur={() => onFocusChange(false)}
      />
      {value ? (
        <button
          type="button"
          className={styles.clear}
          aria-label={t('search.clear')}
          // Clearing keeps the focus in the field, so the keyboard stays up for the next word.
          onPointerDown={(event) => event.preventDefault()}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onText('')}
        >
          <X aria-hidden="true" />
        </button>
      ) : null}
    </div>
  );
}
