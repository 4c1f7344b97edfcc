import { useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import KeyboardReact from 'react-simple-keyboard';
import type { Language } from '../../../../shared/languages';
import { MAX_SEARCH_LENGTH, typeKey } from './editText';
import { swallowClickOfThisTouch } from './ghostClick';
import { KEY, LAYOUTS, type LayoutName } from './layouts';
import styles from './OnScreenKeyboard.module.css';

interface OnScreenKeyboardProps {
  language: Language;
  /** The field it types into: its caret and selection are where keys land, as with a physical keyboard. */
  field: RefObject<HTMLInputElement | null>;
  /** The field's new text (the caller owns it: the search store). */
  onText(value: string): void;
  /** The Search key: the shopper is done typing. */
  onSearch(): void;
  className?: string;
}

/**
 * The pillar's keyboard, in the shopper's language, with keys a finger hits at arm's length. It never
 * takes focus from the field (so the caret stays where it was), and it types through the same path as a
 * physical keyboard: the field's text changes at its caret.
 */
export function OnScreenKeyboard({ language, field, onText, onSearch, className }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  // Greek starts in Greek letters; the Latin switch lasts until the language changes.
  const [layout, setLayout] = useState<{ language: Language; name: LayoutName }>({ language, name: 'default' });
  const layoutName = layout.language === language ? layout.name : 'default';

  const display = useMemo(
    () => ({
      [KEY.backspace]: '⌫',
      [KEY.space]: t('keyboard.space'),
      [KEY.search]: t('keyboard.search'),
      [KEY.toLatin]: t('keyboard.toLatin'),
      [KEY.toGreek]: t('keyboard.toGreek'),
    }),
    [t],
  );
  const buttonAttributes = useMemo(
    () => [
      { attribute: 'aria-label', value: t('keyboard.backspace'), buttons: KEY.backspace },
      { attribute: 'aria-label', value: t('keyboard.latinLetters'), buttons: KEY.toLatin },
      { attribute: 'aria-label', value: t('keyboard.greekLetters'), buttons: KEY.toGreek },
      // Keys are tapped, never tabbed to: the field keeps the focus.
      { attribute: 'tabindex', value: '-1', buttons: Object.values(LAYOUTS[language]).flat().join(' ') },
    ],
    [t, language],
  );

  const press = (button: string): void => {
    if (button === KEY.toLatin || button === KEY.toGreek) {
      setLayout({ language, name: button === KEY.toLatin ? 'latin' : 'default' });
      return;
    }
    if (button === KEY.search) {
      // The keyboard is about to go: this touch's click must not press what appears under the finger.
      swallowClickOfThisTouch();
      onSearch();
      return;
    }
    const key = button === KEY.backspace ? 'backspace' : button === KEY.space ? ' ' : button;
    const input = field.current;
    if (!input || (key.startsWith('{') && key.length > 1)) return;
    const next = typeKey(
      { value: input.value, selectionStart: input.selectionStart ?? input.value.length, selectionEnd: input.selectionEnd ?? input.value.length },
      key,
      MAX_SEARCH_LENGTH,
    );
    onText(next.value);
    // After React has written the new value, which puts the caret at the end.
    requestAnimationFrame(() => input.setSelectionRange(next.selectionStart, next.selectionEnd));
  };

  return (
    <div
      className={[styles.dock, className].filter(Boolean).join(' ')}
      role="group"
      aria-label={t('keyboard.label')}
      // A tap between keys must not take the focus from the field either (that would close the keyboard).
      onPointerDown={(event) => event.preventDefault()}
      onMouseDown={(event) => event.preventDefault()}
    >
      <KeyboardReact
        theme={styles.keyboard}
        layout={LAYOUTS[language]}
        layoutName={layoutName}
        display={display}
        buttonAttributes={buttonAttributes}
        buttonTheme={[
          { class: styles.function ?? '', buttons: `${KEY.backspace} ${KEY.toLatin} ${KEY.toGreek}` },
          { class: styles.switch ?? '', buttons: `${KEY.toLatin} ${KEY.toGreek}` },
          { class: styles.space ?? '', buttons: KEY.space },
          { class: styles.search ?? '', buttons: KEY.search },
        ]}
        onKeyPress={press}
        useButtonTag
        preventMouseDownDefault
        disableButtonHold
        disableCaretPositioning
        enableLayoutCandidates={false}
      />
    </div>
  );
}
