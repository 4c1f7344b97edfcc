import { useMemo, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import KeyboardReact from 'react-simple-keyboard';
import type { Language } from '../../../../shared/languages';
import { MAX_SEARCH_LENGTH, typeKey } from './editText';
import { DOT_COM, startsCapital, type Capitalize, type Layouts } from './formLayouts';
import { swallowClickOfThisTouch } from './ghostClick';
import { KEY, LAYOUTS, type LayoutName } from './layouts';
import styles from './OnScreenKeyboard.module.css';

interface OnScreenKeyboardProps {
  language: Language;
  /** The field it types into: its caret and selection are where keys land, as with a physical keyboard. */
  field: RefObject<HTMLInputElement | null>;
  /** The field's new text (the caller owns it: the search store). */
  onText(value: string): void;
  /** The Search key (or the form's Next / Done): the shopper is done typing. */
  onSearch(): void;
  className?: string;
  /** A form field's keys (`formLayouts`); the search keyboard of the language when absent. */
  layouts?: Layouts;
  /** The Enter key's words ("Next", "Done"); "Search" when absent. */
  enterLabel?: string;
  /** The field's own limit (search: `MAX_SEARCH_LENGTH`). */
  maxLength?: number;
  /** Capitals at the start of each word or sentence, as a phone does for names and notes. */
  capitalize?: Capitalize;
  /** The field's text (for `capitalize`: a word starts after a space). */
  value?: string;
  /** A number pad: narrow, in the middle of the dock. */
  pad?: boolean;
  /**
   * A strip under the keys (forms: "Hide keyboard"), as tall as the call-staff button in the corner beside
   * it, so no key ever sits under that button, whatever its label's length.
   */
  footer?: ReactNode;
}

/**
 * The pillar's keyboard, in the shopper's language, with keys a finger hits at arm's length. It never
 * takes focus from the field (so the caret stays where it was), and it types through the same path as a
 * physical keyboard: the field's text changes at its caret.
 */
export function OnScreenKeyboard({
  language,
  field,
  onText,
  onSearch,
  className,
  layouts,
  enterLabel,
  maxLength = MAX_SEARCH_LENGTH,
  capitalize = 'none',
  value = '',
  pad = false,
  footer,
}: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const keys = layouts ?? LAYOUTS[language];
  // Greek starts in Greek letters; the Latin switch lasts until the language changes.
  const [layout, setLayout] = useState<{ language: Language; name: 'default' | 'latin' }>({ language, name: 'default' });
  const letters = layout.language === language ? layout.name : 'default';
  // Shift: on (or off) for the next letter only; `auto` capitalises the start of a word or sentence.
  const [shift, setShift] = useState<'auto' | 'on' | 'off'>('auto');
  const capital = keys.shift !== undefined && (shift === 'on' || (shift === 'auto' && startsCapital(value, value.length, capitalize)));
  const layoutName: LayoutName = capital ? (letters === 'latin' ? 'latinShift' : 'shift') : letters;

  const display = useMemo(
    () => ({
      [KEY.backspace]: '⌫',
      [KEY.space]: t('keyboard.space'),
      [KEY.search]: enterLabel ?? t('keyboard.search'),
      [KEY.toLatin]: t('keyboard.toLatin'),
      [KEY.toGreek]: t('keyboard.toGreek'),
      [KEY.shift]: '⇧',
    }),
    [t, enterLabel],
  );
  const buttonAttributes = useMemo(
    () => [
      { attribute: 'aria-label', value: t('keyboard.backspace'), buttons: KEY.backspace },
      { attribute: 'aria-label', value: t('keyboard.latinLetters'), buttons: KEY.toLatin },
      { attribute: 'aria-label', value: t('keyboard.greekLetters'), buttons: KEY.toGreek },
      { attribute: 'aria-label', value: t('keyboard.capitals'), buttons: KEY.shift },
      { attribute: 'aria-pressed', value: String(capital), buttons: KEY.shift },
      // Keys are tapped, never tabbed to: the field keeps the focus.
      { attribute: 'tabindex', value: '-1', buttons: [...new Set(Object.values(keys).flat().join(' ').split(' '))].join(' ') },
    ],
    [t, keys, capital],
  );

  const press = (button: string): void => {
    if (button === KEY.toLatin || button === KEY.toGreek) {
      setLayout({ language, name: button === KEY.toLatin ? 'latin' : 'default' });
      return;
    }
    if (button === KEY.shift) {
      setShift(capital ? 'off' : 'on');
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
      maxLength,
    );
    onText(next.value);
    // A capital is for one letter; then the caret decides again.
    setShift('auto');
    // After React has written the new value, which puts the caret at the end.
    requestAnimationFrame(() => input.setSelectionRange(next.selectionStart, next.selectionEnd));
  };

  return (
    <div
      className={[styles.dock, pad ? styles.pad : null, className].filter(Boolean).join(' ')}
      role="group"
      aria-label={t('keyboard.label')}
      // A tap between keys must not take the focus from the field either (that would close the keyboard).
      onPointerDown={(event) => event.preventDefault()}
      onMouseDown={(event) => event.preventDefault()}
    >
      <KeyboardReact
        theme={styles.keyboard}
        layout={keys}
        layoutName={keys[layoutName] ? layoutName : 'default'}
        display={display}
        buttonAttributes={buttonAttributes}
        buttonTheme={[
          { class: styles.function ?? '', buttons: `${KEY.backspace} ${KEY.toLatin} ${KEY.toGreek} ${KEY.shift}` },
          { class: styles.switch ?? '', buttons: `${KEY.toLatin} ${KEY.toGreek} ${KEY.shift}` },
          { class: styles.space ?? '', buttons: KEY.space },
          { class: styles.search ?? '', buttons: KEY.search },
          { class: styles.wide ?? '', buttons: DOT_COM },
          ...(capital ? [{ class: styles.shifted ?? '', buttons: KEY.shift }] : []),
        ]}
        onKeyPress={press}
        useButtonTag
        preventMouseDownDefault
        disableButtonHold
        disableCaretPositioning
        enableLayoutCandidates={false}
      />
      {footer ? <div className={styles.footer}>{footer}</div> : null}
    </div>
  );
}
