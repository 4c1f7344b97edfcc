import { CircleAlert, CircleCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../../shared/api/staff';
import { kiosk } from '../../api/kiosk';
import { StaffPanel } from './StaffPanel';
import { useStaffRead } from './useStaffRead';
import { HealthActions } from './HealthActions';
import { clock, formatBytes } from './staffWords';
import styles from './StaffPanel.module.css';
import health from './HealthScreen.module.css';

interface HealthScreenProps {
  role: StaffRole;
  locale: string;
  timeZone: string;
}

/** The pillar's health for managers and IT: what it runs, how fresh it is, what waits, and the fixes. */
export function HealthScreen({ role, locale, timeZone }: HealthScreenProps) {
  const { t } = useTranslation();
  const { value: report, failed, reload } = useStaffRead(() => kiosk.staff.health(), ['sync.statusChanged', 'outbox.changed']);

  const at = (time: number | null): string => (time === null ? t('staff.health.never') : clock(time, timeZone, locale));

  return (
    <StaffPanel
      title={t('staff.health.title')}
      onRefresh={reload}
      status={
        failed ? (
          <p className={styles.flag} role="alert">
            <CircleAlert aria-hidden="true" />
            {t('staff.health.failed')}
          </p>
        ) : null
      }
    >
      {report ? (
        <>
          <div className={health.grid}>
            <Fact label={t('staff.health.app')} value={`${report.app.name} ${report.app.version}`} detail={report.app.runtime} />
            <Fact
              label={t('staff.health.sync')}
              value={report.sync.lastError ? t('staff.health.syncTrouble') : t('staff.health.syncOk')}
              detail={t('staff.health.syncDetail', { time: at(report.sync.lastSuccessAt), count: report.sync.pendingChanges })}
              problem={report.sync.lastError?.message ?? null}
            />
            <Fact
              label={t('staff.health.outbox')}
              value={t('staff.health.outboxPending', { count: report.outbox.pending })}
              detail={t('staff.health.outboxDelivered', { time: at(report.outbox.lastDeliveredAt), count: report.outbox.deliveredToday })}
              problem={report.outbox.lastError ?? (report.outbox.rejected.length > 0 ? t('staff.health.outboxRejected', { count: report.outbox.rejected.length }) : null)}
            />
            <Fact
              label={t('staff.health.disk')}
              value={report.disk.freeBytes === null ? t('staff.health.unknown') : t('staff.health.diskFree', { free: formatBytes(report.disk.freeBytes, locale) })}
              detail={report.disk.totalBytes === null ? null : t('staff.health.diskTotal', { total: formatBytes(report.disk.totalBytes, locale) })}
            />
          </div>

          <HealthActions role={role} can={report.can} onDone={reload} />

          <section className={health.section} aria-labelledby="health-databases">
            <h2 id="health-databases" className={health.heading}>
              {t('staff.health.databases')}
            </h2>
            <dl className={health.pairs}>
              {report.databases.map((database) => (
                <div key={database.name}>
                  <dt>{database.name}</dt>
                  <dd>{formatBytes(database.bytes, locale)}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section className={health.section} aria-labelledby="health-config">
            <h2 id="health-config" className={health.heading}>
              {t('staff.health.config')}
            </h2>
            <p className={styles.muted}>{report.config.path ?? t('staff.health.noConfigFile')}</p>
            <dl className={health.pairs}>
              {Object.entries(report.config.values).map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd className={health.code}>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section className={health.section} aria-labelledby="health-log">
            <h2 id="health-log" className={health.heading}>
              {t('staff.health.log')}
            </h2>
            {/* A scrolling region a keyboard can reach, labelled by its heading. */}
            <pre className={health.log} tabIndex={0} aria-labelledby="health-log">
              {report.logLines.length > 0 ? report.logLines.join('\n') : t('staff.health.noLog')}
            </pre>
          </section>
        </>
      ) : null}
    </StaffPanel>
  );
}

function Fact({ label, value, detail, problem = null }: { label: string; value: string; detail: string | null; problem?: string | null }) {
  return (
    <section className={health.fact} aria-label={label}>
      <p className={health.label}>{label}</p>
      <p className={health.value}>
        {problem ? <CircleAlert aria-hidden="true" className={health.bad} /> : <CircleCheck aria-hidden="true" className={health.good} />}
        {value}
      </p>
      {detail ? <p className={styles.muted}>{detail}</p> : null}
      {problem ? <p className={health.problem}>{problem}</p> : null}
    </section>
  );
}
