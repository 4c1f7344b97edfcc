import { ArrowLeft, RotateCw } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { useStaffStore } from './staffStore';
import styles from './StaffPanel.module.css';

interface StaffPanelProps {
  title: string;
  /** A line under the title: how fresh the list is, or why it is not. */
  status?: ReactNode;
  onRefresh?: () => void;
  children: ReactNode;
}

/** A staff screen over the shopper's (kept as it was underneath): its title, a way back, its content. */
export function StaffPanel({ title, status, onRefresh, children }: StaffPanelProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <main className={styles.panel}>
      <header className={styles.header}>
        <Button variant="secondary" icon={<ArrowLeft />} onClick={() => useStaffStore.getState().showPanel(null)}>
          {t('staff.panel.back')}
        </Button>
        {onRefresh ? (
          <Button variant="secondary" icon={<RotateCw />} onClick={onRefresh}>
            {t('staff.panel.refresh')}
          </Button>
        ) : null}
      </header>
      <div className={styles.scroller}>
        <h1 ref={heading} className={styles.title} tabIndex={-1}>
          {title}
        </h1>
        {status ? <div className={styles.status}>{status}</div> : null}
        {children}
      </div>
    </main>
  );
}
