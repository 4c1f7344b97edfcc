import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useStaffStore } from './staffStore';
import styles from './StaffLongPress.module.css';

/** How long staff hold the logo to reach the PIN pad: long enough that no shopper does it by chance. */
export const HOLD_MS = 2000;
/** The ring appears only once a hold is clearly deliberate, so a shopper's tap never shows a thing. */
const RING_AFTER_MS = 400;

/**
 * The discreet staff entry: a long press on the store's logo opens "Who's helping?". A quiet ring fills
 * while it is held, so staff know it is working; no context menu, no hint for shoppers, and the tap that
 * ends a long press never reaches the screen under it (the attract loop would start a session).
 */
export function StaffLongPress({ children }: { children: ReactNode }) {
  const [ringShown, setRingShown] = useState(false);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  const fired = useRef(false);

  const cancel = (): void => {
    for (const timer of timers.current) clearTimeout(timer);
    timers.current = [];
    setRingShown(false);
  };
  useEffect(() => cancel, []);

  const onPointerDown = (event: React.PointerEvent): void => {
    if (!event.isPrimary || useStaffStore.getState().session) return;
    cancel();
    fired.current = false;
    timers.current = [
      setTimeout(() => setRingShown(true), RING_AFTER_MS),
      setTimeout(() => {
        fired.current = true;
        cancel();
        useStaffStore.getState().openEntry();
      }, HOLD_MS),
    ];
  };

  return (
    <div
      className={styles.target}
      onPointerDown={onPointerDown}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onContextMenu={(event) => event.preventDefault()}
      onClickCapture={(event) => {
        if (!fired.current) return;
        fired.current = false;
        event.stopPropagation();
        event.preventDefault();
      }}
    >
      {children}
      {ringShown ? (
        <svg className={styles.ring} viewBox="0 0 40 40" aria-hidden="true" style={{ '--ring-ms': `${HOLD_MS - RING_AFTER_MS}ms` } as React.CSSProperties}>
          <circle className={styles.track} cx="20" cy="20" r="17" />
          <circle className={styles.fill} cx="20" cy="20" r="17" pathLength={100} />
        </svg>
      ) : null}
    </div>
  );
}
