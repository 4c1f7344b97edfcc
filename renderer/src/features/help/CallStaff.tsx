import { BellRing, Check, Footprints, Info } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { Button } from '../../app/ui/Button';
import { formatClock } from '../stores/storeText';
import { useDelayed } from '../product/useDelayed';
import { useHelpStore, type HelpWhere } from './helpStore';
import { Sheet } from './Sheet';
import styles from './CallStaff.module.css';

interface CallStaffProps {
  /** Where the shopper is, asked at the tap (so it never lags behind the screen). */
  where(): HelpWhere;
  language: Language;
  storeLocale: string;
  /** The store's time zone, for "Called at 14:05" on the store's clock. */
  timeZone: string;
}

/** A call taking longer than this says "Calling staff…"; a quicker one goes straight to the answer. */
const CALLING_SHOWN_AFTER_MS = 300;
/** While nobody has taken the call, the pillar asks now and then too (an event can be missed in a reconnect). */
const CHECK_EVERY_MS = 10_000;

/**
 * The "Call staff" button on every screen of a session, and the answer: someone is on their way. It
 * sits in the bottom corner, where a hand reaches, and stays calm — never a red alarm.
 */
export function CallStaff({ where, language, storeLocale, timeZone }: CallStaffProps) {
  const { t } = useTranslation();
  const { phase, open, call } = useHelpStore();
  const waiting = useHelpStore((state) => state.request !== null && state.progress === null);

  useEffect(() => {
    const stop = kiosk.subscribe('help.updated', (update) => useHelpStore.getState().heard(update));
    // Back after staff mode (which hides the button): what happened meanwhile is asked at once.
    void useHelpStore.getState().check();
    return stop;
  }, []);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void useHelpStore.getState().check(), CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [waiting]);

  return (
    <>
      <button
        type="button"
        className={styles.button}
        aria-haspopup="dialog"
        aria-busy={phase === 'calling'}
        onClick={() => void call(where())}
      >
        <BellRing className={styles.glyph} aria-hidden="true" />
        <span className={styles.label}>{t('help.button')}</span>
      </button>
      {open ? <HelpDialog language={language} storeLocale={storeLocale} timeZone={timeZone} /> : null}
    </>
  );
}

function HelpDialog({ language, storeLocale, timeZone }: Omit<CallStaffProps, 'where'>) {
  const { t } = useTranslation();
  const { phase, request, repeated, progress, dismiss } = useHelpStore();
  const showCalling = useDelayed(phase === 'calling', CALLING_SHOWN_AFTER_MS);
  const close = (
    <Button variant="primary" onClick={dismiss}>
      {t('help.close')}
    </Button>
  );

  if (phase === 'failed') {
    return (
      <Sheet role="alertdialog" icon={<Info />} title={t('help.failedTitle')} actions={close} onDismiss={dismiss}>
        <p>{t('help.failedBody')}</p>
      </Sheet>
    );
  }
  if (phase === 'calling') {
    // Quick answers replace nothing: the dialog appears once, with the answer.
    if (!showCalling) return null;
    return <Sheet icon={<BellRing />} title={t('help.calling')} actions={close} onDismiss={dismiss} />;
  }
  if (!request) return null;
  const time = formatClock(clockAt(request.createdAt, timeZone), { language, storeLocale });
  return (
    <Sheet icon={<Check />} title={t('help.title')} actions={close} onDismiss={dismiss}>
      {progress?.status === 'acknowledged' ? (
        <p className={styles.coming} role="status">
          <Footprints aria-hidden="true" />
          {progress.by ? t('help.comingNamed', { name: progress.by }) : t('help.coming')}
        </p>
      ) : (
        <p>{repeated ? t('help.again') : t('help.body')}</p>
      )}
      <p className={styles.when}>{t('help.calledAt', { time })}</p>
    </Sheet>
  );
}

/** Epoch ms as "HH:MM" on the store's clock. */
function clockAt(at: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  } catch {
    const date = new Date(at);
    return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  }
}
