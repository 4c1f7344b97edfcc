import { useEffect, type ReactNode } from 'react';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import { kiosk } from '../../api/kiosk';
import { HealthScreen } from './HealthScreen';
import { OrdersScreen } from './OrdersScreen';
import { QUEUE_POLL_MS, useQueueStore } from './queueStore';
import { QueueScreen } from './QueueScreen';
import { StaffBand } from './StaffBand';
import { StaffSignIn } from './StaffSignIn';
import { seesHealth, useStaffStore } from './staffStore';
import styles from './StaffFrame.module.css';

/**
 * Staff mode around the shopper's screens: the band on top, the staff screens drawn over the shopper's
 * (which stay mounted underneath, exactly as they were), and the sign-in. It follows the core's staff
 * session, keeps it alive on staff touches, and reads the store's queue while it lasts.
 */
export function StaffFrame({ info, children }: { info: ReadySystemInfo; children: ReactNode }) {
  const session = useStaffStore((state) => state.session);
  const panel = useStaffStore((state) => state.panel);
  const on = session !== null;

  useEffect(() => {
    // Subscribe first, so a change between the first answer and the subscription is not lost.
    const stop = kiosk.subscribe('staff.sessionChanged', ({ session: next }) => useStaffStore.getState().follow(next));
    void useStaffStore.getState().load();
    return stop;
  }, []);

  useEffect(() => {
    if (!on) {
      useQueueStore.getState().clear();
      return;
    }
    const touched = (): void => useStaffStore.getState().touch();
    window.addEventListener('pointerdown', touched, { capture: true, passive: true });
    void useQueueStore.getState().refresh();
    const poll = setInterval(() => void useQueueStore.getState().refresh(), QUEUE_POLL_MS);
    return () => {
      window.removeEventListener('pointerdown', touched, { capture: true });
      clearInterval(poll);
    };
  }, [on]);

  const where = { locale: info.locale, timeZone: info.timeZone };
  return (
    <div className={styles.frame} data-staff={on ? '' : undefined}>
      {session ? <StaffBand session={session} /> : null}
      <div className={styles.screens}>
        {/* Hidden, never unmounted, under a staff screen: the shopper's scroll, field and keyboard wait as they were. */}
        <div className={styles.shopper} data-covered={session && panel ? '' : undefined} inert={session !== null && panel !== null}>
          {children}
        </div>
        {session && panel ? (
          <div className={styles.panel}>
            {panel === 'queue' ? <QueueScreen {...where} /> : null}
            {panel === 'orders' ? <OrdersScreen {...where} /> : null}
            {panel === 'health' && seesHealth(session) ? <HealthScreen role={session.role} {...where} /> : null}
          </div>
        ) : null}
      </div>
      <StaffSignIn />
    </div>
  );
}
