import { Activity, BellRing, Eye, LogOut, ReceiptText, ShieldCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../../../shared/api/staff';
import { openCount, useQueueStore } from './queueStore';
import { seesHealth, useStaffStore, type StaffPanel } from './staffStore';
import styles from './StaffBand.module.css';

/**
 * The band across the top of every screen while staff mode is on: who is signed in, in a colour no
 * shopper screen uses, with the staff screens one tap away and the way out always in view.
 */
export function StaffBand({ session }: { session: StaffSession }) {
  const { t } = useTranslation();
  const panel = useStaffStore((state) => state.panel);
  const shopperView = useStaffStore((state) => state.shopperView);
  const { showPanel, setShopperView, signOut } = useStaffStore.getState();
  const waiting = openCount(useQueueStore((state) => state.queue));

  const tab = (name: StaffPanel, label: string, icon: React.ReactNode) => (
    <button type="button" className={styles.tab} aria-pressed={panel === name} onClick={() => showPanel(panel === name ? null : name)}>
      {icon}
      <span>{label}</span>
    </button>
  );

  return (
    <nav className={styles.band} aria-label={t('staff.band.label')}>
      <div className={styles.who}>
        <ShieldCheck className={styles.badge} aria-hidden="true" />
        <p className={styles.identity}>
          <span className={styles.mode}>{t('staff.band.mode')}</span>
          <span className={styles.name}>{session.name}</span>
          <span className={styles.role}>{t(`staff.role.${session.role}`)}</span>
        </p>
        <button type="button" className={styles.leave} onClick={() => void signOut()}>
          <LogOut aria-hidden="true" />
          <span>{t('staff.band.leave')}</span>
        </button>
      </div>
      <div className={styles.tabs}>
        <button type="button" className={styles.tab} aria-pressed={panel === null && shopperView} onClick={() => setShopperView(!shopperView || panel !== null)}>
          <Eye aria-hidden="true" />
          <span>{t('staff.band.shopperView')}</span>
        </button>
        {tab('queue', t('staff.band.queue', { n: waiting }), <BellRing aria-hidden="true" />)}
        {tab('orders', t('staff.band.orders'), <ReceiptText aria-hidden="true" />)}
        {seesHealth(session) ? tab('health', t('staff.band.health'), <Activity aria-hidden="true" />) : null}
      </div>
    </nav>
  );
}
