import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import styles from './IdleGuard.module.css';

interface IdleGuardProps {
  /** Seconds without a touch before the warning appears. */
  idleSeconds: number;
  /** How long the warning counts down before the session ends (at least 20 s, EN 301 549). */
  warningSeconds: number;
  onTimeout(): void;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Ends an abandoned session so the next shopper never sees the last one's search or bag — but warns
 * first, counts down in words, and lets the shopper ask for more time.
 */
export function IdleGuard({ idleSeconds, warningSeconds, onTimeout }: IdleGuardProps) {
  const { t } = useTranslation();
  const [remaining, setRemaining] = useState<number | null>(null);
  const lastActivity = useRef(0);
  const onTimeoutRef = useRef(onTimeout);
  useEffect(() => {
    onTimeoutRef.current = onTimeout;
  });

  useEffect(() => {
    const touched = (): void => {
      lastActivity.current = Date.now();
    };
    touched();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touched, { capture: true, passive: true });
    const tick = setInterval(() => {
      const idle = (Date.now() - lastActivity.current) / 1000;
      if (idle < idleSeconds) {
        setRemaining(null);
      } else if (idle >= idleSeconds + warningSeconds) {
        setRemaining(null);
        onTimeoutRef.current();
      } else {
        setRemaining(Math.ceil(idleSeconds + warningSeconds - idle));
      }
    }, 250);
    return () => {
      clearInterval(tick);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touched, { capture: true });
    };
  }, [idleSeconds, warningSeconds]);

  if (remaining === null) return null;
  return (
    <div className={styles.scrim}>
      <div className={styles.dialog} role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
        {/* The seconds at a glance, the ring running down with them; the sentence below says it in words. */}
        <div className={styles.countdown} style={{ '--left': remaining / warningSeconds } as CSSProperties} aria-hidden="true">
          <span className={styles.seconds}>{remaining}</span>
        </div>
        <h2 id="idle-title" className={styles.title}>
          {t('idle.title')}
        </h2>
        <p id="idle-body" className={styles.body} aria-live="polite">
          {t('idle.body', { count: remaining })}
        </p>
        <div className={styles.actions}>
          <Button variant="primary" size="hero" className={styles.more} onClick={() => setRemaining(null)}>
            {t('idle.more')}
          </Button>
          <Button variant="secondary" onClick={() => onTimeoutRef.current()}>
            {t('common.startOver')}
          </Button>
        </div>
      </div>
    </div>
  );
}
