import { Delete, Lock, UserRound, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { StaffAccountsOutput } from '../../../../shared/api/staff';
import { kiosk } from '../../api/kiosk';
import { useNow } from '../../app/useNow';
import { useFocusTrap } from '../../app/ui/useFocusTrap';
import { useStaffStore, type PickedAccount } from './staffStore';
import { countdown } from './staffWords';
import styles from './StaffSignIn.module.css';

const PIN_MAX = 8;
const PIN_MIN = 4;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

type Accounts = StaffAccountsOutput['accounts'];

/** "Who's helping?" and then the PIN pad: a full-screen staff dialog over whatever the shopper sees. */
export function StaffSignIn() {
  const entry = useStaffStore((state) => state.entry);
  if (!entry) return null;
  return createPortal(<SignInDialog key={entry.step === 'pin' ? entry.account.id : 'who'} />, document.body);
}

function SignInDialog() {
  const { t } = useTranslation();
  const entry = useStaffStore((state) => state.entry);
  const { closeEntry, pick } = useStaffStore.getState();
  const [accounts, setAccounts] = useState<Accounts | null>(null);
  const [failed, setFailed] = useState(false);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const onKeyDown = useFocusTrap(panel, { initialFocus: (element) => element.querySelector<HTMLElement>('[data-first]'), onEscape: closeEntry });

  useEffect(() => {
    let live = true;
    void kiosk.staff.accounts().then((answer) => {
      if (!live) return;
      if (!answer.ok) return setFailed(true);
      setAccounts(answer.value.accounts);
      setLockedUntil(answer.value.lockedUntil);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className={styles.scrim}>
      <div ref={panel} className={styles.panel} role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <div className={styles.top}>
          <p className={styles.kicker}>{t('staff.signIn.kicker')}</p>
          <button type="button" className={styles.close} onClick={closeEntry} aria-label={t('staff.signIn.cancel')}>
            <X aria-hidden="true" />
          </button>
        </div>
        {entry?.step === 'pin' ? (
          <PinPad titleId={titleId} account={entry.account} lockedUntil={lockedUntil} onLocked={setLockedUntil} />
        ) : (
          <>
            <h2 id={titleId} className={styles.title}>
              {t('staff.signIn.who')}
            </h2>
            {failed ? (
              <p className={styles.problem} role="alert">
                {t('staff.signIn.unavailable')}
              </p>
            ) : accounts && accounts.length === 0 ? (
              <p className={styles.problem}>{t('staff.signIn.noAccounts')}</p>
            ) : (
              <ul className={styles.people}>
                {(accounts ?? []).map((account, at) => (
                  <li key={account.id}>
                    <button type="button" className={styles.person} data-first={at === 0 ? '' : undefined} onClick={() => pick({ id: account.id, name: account.name })}>
                      <UserRound aria-hidden="true" />
                      <span className={styles.personName}>{account.name}</span>
                      <span className={styles.personRole}>{t(`staff.role.${account.role}`)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}

interface PinPadProps {
  titleId: string;
  account: PickedAccount;
  lockedUntil: number | null;
  onLocked(until: number | null): void;
}

/** Big keys, dots for the digits, a backspace: the pillar's own pad, never the system keyboard. */
function PinPad({ titleId, account, lockedUntil, onLocked }: PinPadProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const now = useNow(1000);
  const locked = lockedUntil !== null && lockedUntil > now;

  const submit = async (entered: string): Promise<void> => {
    setBusy(true);
    setFailed(false);
    const answer = await kiosk.staff.signIn({ accountId: account.id, pin: entered });
    setBusy(false);
    setPin('');
    if (!answer.ok) return setFailed(true);
    const outcome = answer.value;
    if (outcome.state === 'signed-in') {
      useStaffStore.getState().follow(outcome.session);
    } else if (outcome.state === 'wrong-pin') {
      setWrong(outcome.attemptsLeft);
      onLocked(outcome.lockedUntil);
    } else {
      setWrong(null);
      onLocked(outcome.lockedUntil);
    }
  };

  const press = (digit: string): void => {
    if (busy || locked || pin.length >= PIN_MAX) return;
    setPin(pin + digit);
    setWrong(null);
  };

  const dots = Array.from({ length: Math.max(PIN_MIN, pin.length) }, (_, at) => at < pin.length);

  return (
    <div className={styles.pin}>
      <h2 id={titleId} className={styles.title}>
        {t('staff.signIn.pinFor', { name: account.name })}
      </h2>
      <p className={styles.dots} role="img" aria-label={t('staff.signIn.digitsEntered', { count: pin.length })}>
        {dots.map((filled, at) => (
          <span key={at} className={filled ? styles.dotFilled : styles.dot} />
        ))}
      </p>
      <div className={styles.message} role="status">
        {locked ? (
          <p className={styles.locked}>
            <Lock aria-hidden="true" />
            {t('staff.signIn.locked', { time: countdown(lockedUntil, now) })}
          </p>
        ) : wrong !== null ? (
          <p className={styles.wrong}>{t('staff.signIn.wrong', { count: wrong })}</p>
        ) : failed ? (
          <p className={styles.wrong}>{t('staff.signIn.unavailable')}</p>
        ) : busy ? (
          <p>{t('staff.signIn.checking')}</p>
        ) : null}
      </div>
      <div className={styles.keys} aria-disabled={locked || undefined}>
        {DIGITS.map((digit, at) => (
          <button key={digit} type="button" className={styles.key} data-first={at === 0 ? '' : undefined} disabled={locked} onClick={() => press(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className={styles.keyQuiet} disabled={locked || pin.length === 0} onClick={() => setPin(pin.slice(0, -1))} aria-label={t('staff.signIn.backspace')}>
          <Delete aria-hidden="true" />
        </button>
        <button type="button" className={styles.key} disabled={locked} onClick={() => press('0')}>
          0
        </button>
        <button type="button" className={styles.keyEnter} disabled={locked || busy || pin.length < PIN_MIN} onClick={() => void submit(pin)}>
          {t('staff.signIn.enter')}
        </button>
      </div>
      <button type="button" className={styles.other} onClick={() => useStaffStore.setState({ entry: { step: 'who' } })}>
        {t('staff.signIn.someoneElse')}
      </button>
    </div>
  );
}
