import { CircleAlert, CircleCheck, Wrench } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HealthOutput, StaffRole } from '../../../../shared/api/staff';
import { kiosk } from '../../api/kiosk';
import { Button } from '../../app/ui/Button';
import { Sheet } from '../help/Sheet';
import styles from './StaffPanel.module.css';
import health from './HealthScreen.module.css';

type Action = 'sync-now' | 'resnapshot' | 'restart-app' | 'exit-kiosk' | 'export-logs-usb' | 'export-logs-hq';

interface HealthActionsProps {
  role: StaffRole;
  can: HealthOutput['can'];
  onDone(): void;
}

/** Why this host cannot do an action, or null when it can. */
function unavailable(action: Action, can: HealthOutput['can']): 'host' | 'usb' | null {
  if (action === 'restart-app' && !can.restart) return 'host';
  if (action === 'exit-kiosk' && !can.exitKiosk) return 'host';
  if (action === 'export-logs-usb' && !can.exportToUsb) return 'usb';
  return null;
}

/** The fixes a manager (and IT) can reach from the pillar, each confirmed first and its result said. */
export function HealthActions({ role, can, onDone }: HealthActionsProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ action: Action; done: boolean; path?: string | undefined } | null>(null);
  const actions: Action[] = ['sync-now', 'resnapshot', 'export-logs-hq', 'export-logs-usb', 'restart-app', ...(role === 'it' ? (['exit-kiosk'] as const) : [])];

  const run = async (action: Action): Promise<void> => {
    setAsking(null);
    setBusy(true);
    const answer = await kiosk.staff.action({ action });
    setBusy(false);
    setResult({ action, done: answer.ok && answer.value.done, path: answer.ok ? answer.value.path : undefined });
    onDone();
  };

  return (
    <section className={health.section} aria-labelledby="health-actions">
      <h2 id="health-actions" className={health.heading}>
        {t('staff.health.actions')}
      </h2>
      <ul className={styles.list}>
        {actions.map((action) => {
          const reason = unavailable(action, can);
          return (
            <li key={action} className={styles.row}>
              <Button variant="secondary" icon={<Wrench />} disabled={busy || reason !== null} onClick={() => setAsking(action)}>
                {actionLabel(action, t)}
              </Button>
              {reason ? <p className={styles.muted}>{reason === 'usb' ? t('staff.health.noUsb') : t('staff.health.notHere')}</p> : null}
            </li>
          );
        })}
      </ul>
      <div role="status">
        {busy ? <p className={styles.muted}>{t('staff.health.working')}</p> : null}
        {result ? (
          <p className={result.done ? styles.note : styles.flag}>
            {result.done ? <CircleCheck aria-hidden="true" /> : <CircleAlert aria-hidden="true" />}
            {result.done
              ? result.path
                ? t('staff.health.doneAt', { action: actionLabel(result.action, t), path: result.path })
                : t('staff.health.done', { action: actionLabel(result.action, t) })
              : t('staff.health.notDone', { action: actionLabel(result.action, t) })}
          </p>
        ) : null}
      </div>
      {asking ? (
        <Sheet
          role="alertdialog"
          icon={<Wrench />}
          title={t('staff.health.confirmTitle', { action: actionLabel(asking, t) })}
          onDismiss={() => setAsking(null)}
          // Over the staff screen: the app's sheet layer sits in the shopper's screens, hidden under it.
          host={document.body}
          actions={
            <>
              <Button variant="primary" onClick={() => void run(asking)}>
                {t('staff.health.confirm')}
              </Button>
              <Button variant="secondary" onClick={() => setAsking(null)}>
                {t('staff.health.cancel')}
              </Button>
            </>
          }
        >
          <p>{confirmBody(asking, t)}</p>
        </Sheet>
      ) : null}
    </section>
  );
}

function actionLabel(action: Action, t: TFunction): string {
  switch (action) {
    case 'sync-now':
      return t('staff.health.action.syncNow');
    case 'resnapshot':
      return t('staff.health.action.resnapshot');
    case 'restart-app':
      return t('staff.health.action.restart');
    case 'exit-kiosk':
      return t('staff.health.action.exitKiosk');
    case 'export-logs-usb':
      return t('staff.health.action.exportUsb');
    case 'export-logs-hq':
      return t('staff.health.action.exportHq');
  }
}

function confirmBody(action: Action, t: TFunction): string {
  switch (action) {
    case 'sync-now':
      return t('staff.health.confirmBody.syncNow');
    case 'resnapshot':
      return t('staff.health.confirmBody.resnapshot');
    case 'restart-app':
      return t('staff.health.confirmBody.restart');
    case 'exit-kiosk':
      return t('staff.health.confirmBody.exitKiosk');
    case 'export-logs-usb':
      return t('staff.health.confirmBody.exportUsb');
    case 'export-logs-hq':
      return t('staff.health.confirmBody.exportHq');
  }
}
