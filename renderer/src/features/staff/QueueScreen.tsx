import { BellRing, Check, CloudOff, Footprints } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { HelpRequestView } from '../../../../shared/api/staff';
import { Button } from '../../app/ui/Button';
import { useNow } from '../../app/useNow';
import { useQueueStore } from './queueStore';
import { StaffPanel } from './StaffPanel';
import { clock, helpPlace, knownScreen, queueStale, waitedMinutes } from './staffWords';
import styles from './StaffPanel.module.css';

interface QueueScreenProps {
  locale: string;
  timeZone: string;
}

const ORDER = { open: 0, acknowledged: 1, resolved: 2 } as const;

/** The store's "call staff" requests: who waits longest first, where they are, and the two answers. */
export function QueueScreen({ locale, timeZone }: QueueScreenProps) {
  const { t } = useTranslation();
  const { queue, failed, refresh } = useQueueStore();
  const now = useNow(15_000);
  const requests = [...(queue?.requests ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.at - b.at);
  const stale = queue !== null && queueStale(queue.fetchedAt, now);

  return (
    <StaffPanel
      title={t('staff.queue.title')}
      onRefresh={() => void refresh()}
      status={
        failed ? (
          <p className={styles.flag} role="alert">
            <CloudOff aria-hidden="true" />
            {t('staff.queue.failed')}
          </p>
        ) : stale ? (
          <p className={styles.flag}>
            <CloudOff aria-hidden="true" />
            {queue.fetchedAt === null ? t('staff.queue.offlineNever') : t('staff.queue.offlineSince', { time: clock(queue.fetchedAt, timeZone, locale) })}
          </p>
        ) : null
      }
    >
      {queue && requests.length === 0 ? <p className={styles.empty}>{t('staff.queue.empty')}</p> : null}
      <ul className={styles.list} aria-label={t('staff.queue.title')}>
        {requests.map((request) => (
          <QueueItem key={request.id} request={request} now={now} />
        ))}
      </ul>
    </StaffPanel>
  );
}

function QueueItem({ request, now }: { request: HelpRequestView; now: number }) {
  const { t } = useTranslation();
  const busy = useQueueStore((state) => state.busyId === request.id);
  const update = useQueueStore((state) => state.update);
  const place = helpPlace(request.screen);
  const screen = knownScreen(place.screen);
  const where = place.styleCode ? t('staff.queue.screenWithProduct', { screen: t(`staff.queue.screen.${screen}`), code: place.styleCode }) : t(`staff.queue.screen.${screen}`);
  const pillar = request.kiosk === 'this-pillar' ? t('staff.queue.thisPillar') : t('staff.queue.pillar', { id: request.kiosk });
  const minutes = waitedMinutes(request.at, now);

  return (
    <li className={styles.card} aria-label={`${pillar}, ${where}`}>
      <div className={styles.row}>
        <p className={styles.strong}>
          {pillar} · {where}
        </p>
        <p className={styles.muted}>{minutes === 0 ? t('staff.queue.justNow') : t('staff.queue.waited', { count: minutes })}</p>
      </div>
      <p className={styles.body}>
        {request.status === 'open' ? (
          <span className={styles.note}>
            <BellRing aria-hidden="true" />
            {t('staff.queue.status.open')}
          </span>
        ) : request.status === 'acknowledged' ? (
          <span className={styles.note}>
            <Footprints aria-hidden="true" />
            {request.by ? t('staff.queue.status.acknowledgedBy', { name: request.by }) : t('staff.queue.status.acknowledged')}
          </span>
        ) : (
          <span className={styles.note}>
            <Check aria-hidden="true" />
            {t('staff.queue.status.resolved')}
          </span>
        )}
      </p>
      {request.localOnly ? (
        <p className={styles.flag}>
          <CloudOff aria-hidden="true" />
          {t('staff.queue.localOnly')}
        </p>
      ) : null}
      {request.status === 'resolved' ? null : (
        <div className={styles.actions}>
          {request.status === 'open' ? (
            <Button variant="primary" icon={<Footprints />} disabled={busy} onClick={() => void update(request.id, 'acknowledged')}>
              {t('staff.queue.acknowledge')}
            </Button>
          ) : null}
          <Button variant="secondary" icon={<Check />} disabled={busy} onClick={() => void update(request.id, 'resolved')}>
            {t('staff.queue.resolve')}
          </Button>
        </div>
      )}
    </li>
  );
}
