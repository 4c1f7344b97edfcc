import { UserRound } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/languages';
import { FormKeyboard } from '../checkout/FormKeyboard';
import { TextField } from '../checkout/TextField';
import { useStaffStore } from './staffStore';
import styles from './AssistedNote.module.css';

/** The longest note `orders.place` takes. */
const NOTE_MAX = 500;

/**
 * On the checkout summary in staff mode: a note for the store ("customer will pick up Saturday"), typed
 * on the pillar's own keyboard, and who is placing the order for the shopper.
 */
export function AssistedNote({ language }: { language: Language }) {
  const { t } = useTranslation();
  const session = useStaffStore((state) => state.session);
  const note = useStaffStore((state) => state.note);
  const setNote = useStaffStore((state) => state.setNote);
  const [typing, setTyping] = useState(false);
  const field = useRef<HTMLInputElement | null>(null);
  if (!session) return null;

  return (
    <section className={styles.assisted} aria-labelledby="assisted-heading">
      <h2 id="assisted-heading" className={styles.heading}>
        <UserRound aria-hidden="true" />
        {t('staff.assist.by', { name: session.name })}
      </h2>
      <TextField
        id="staff-note"
        label={t('staff.assist.noteLabel')}
        hint={t('staff.assist.noteHint')}
        value={note}
        maxLength={NOTE_MAX}
        autoComplete="off"
        type="text"
        ref={field}
        onText={setNote}
        onFocusChange={setTyping}
        onEnter={() => field.current?.blur()}
      />
      {typing ? (
        <FormKeyboard
          language={language}
          field={field}
          value={note}
          kind="text"
          capitalize="sentences"
          maxLength={NOTE_MAX}
          enterLabel={t('staff.assist.noteDone')}
          onText={setNote}
          onEnter={() => field.current?.blur()}
        />
      ) : null}
      {/* Room to scroll the field above the keyboard. */}
      {typing ? <div className={styles.keyboardRoom} /> : null}
    </section>
  );
}
