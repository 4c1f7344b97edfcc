import { CircleAlert, CloudUpload, Store, StickyNote, UserRound } from 'lucide-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StaffOrdersOutput } from '../../../../shared/api/staff';
import { formatPrice } from '../../app/format';
import { kiosk } from '../../api/kiosk';
import { StaffPanel } from './StaffPanel';
import { useStaffRead } from './useStaffRead';
import { clock } from './staffWords';
import styles from './StaffPanel.module.css';

type StaffOrder = StaffOrdersOutput['orders'][number];

interface OrdersScreenProps {
  locale: string;
  timeZone: string;
}

/** Today's orders and holds placed at this pillar, with HQ's word on each and any that HQ never got. */
export function OrdersScreen({ locale, timeZone }: OrdersScreenProps) {
  const { t } = useTranslation();
  // HQ's statuses and the outbox's deliveries move while the list is open.
  const { value: orders, failed, reload } = useStaffRead(() => kiosk.staff.orders(), ['orders.updated', 'outbox.changed']);
  // Orders name who helped by staff id; staff read the name.
  const { value: staff } = useStaffRead(() => kiosk.staff.accounts(), []);
  const nameOf = (id: string): string => staff?.accounts.find((account) => account.id === id)?.name ?? id;

  return (
    <StaffPanel
      title={t('staff.orders.title')}
      onRefresh={reload}
      status={
        failed ? (
          <p className={styles.flag} role="alert">
            <CircleAlert aria-hidden="true" />
            {t('staff.orders.failed')}
          </p>
        ) : orders ? (
          <p>{orders.statusesAt === null ? t('staff.orders.statusesNever') : t('staff.orders.statusesAt', { time: clock(orders.statusesAt, timeZone, locale) })}</p>
        ) : null
      }
    >
      {orders && orders.orders.length === 0 ? <p className={styles.empty}>{t('staff.orders.empty')}</p> : null}
      <ul className={styles.list} aria-label={t('staff.orders.title')}>
        {orders?.orders.map((order) => <OrderItem key={order.id} order={order} locale={locale} timeZone={timeZone} nameOf={nameOf} />)}
      </ul>
    </StaffPanel>
  );
}

interface OrderItemProps {
  order: StaffOrder;
  locale: string;
  timeZone: string;
  nameOf(staffId: string): string;
}

function OrderItem({ order, locale, timeZone, nameOf }: OrderItemProps) {
  const { t, i18n } = useTranslation();
  // The store's clock, the staff member's words ("Sat 18:00").
  const until = (at: number): string => `${new Intl.DateTimeFormat(i18n.language, { timeZone, weekday: 'short' }).format(at)} ${clock(at, timeZone, locale)}`;
  return (
    <li className={styles.card} aria-label={order.code}>
      <div className={styles.row}>
        <p className={styles.strong}>{order.code}</p>
        <p className={styles.strong}>{formatPrice({ minor: order.totalMinor, currency: order.currency }, locale)}</p>
      </div>
      <p className={styles.muted}>
        {clock(order.placedAt, timeZone, locale)} · {t('staff.orders.lines', { count: order.lines })} ·{' '}
        {order.payment === 'phone' ? t('staff.orders.payPhone') : t('staff.orders.payTill')}
      </p>
      <p className={styles.body}>{statusWords(order, t)}</p>
      {order.delivery === 'rejected' ? (
        <p className={styles.flag} role="note">
          <CircleAlert aria-hidden="true" />
          {t('staff.orders.rejected', { reason: order.deliveryError ?? t('staff.orders.noReason') })}
        </p>
      ) : order.delivery === 'pending' ? (
        <p className={styles.note}>
          <CloudUpload aria-hidden="true" />
          {t('staff.orders.pending')}
        </p>
      ) : null}
      {order.holds.map((hold) => (
        <p key={hold.store} className={styles.note}>
          <Store aria-hidden="true" />
          {t('staff.orders.hold', { store: hold.name, until: until(hold.until) })}
        </p>
      ))}
      {order.note ? (
        <p className={styles.note}>
          <StickyNote aria-hidden="true" />
          {t('staff.orders.note', { note: order.note })}
        </p>
      ) : null}
      {order.assistedBy ? (
        <p className={styles.note}>
          <UserRound aria-hidden="true" />
          {t('staff.orders.assistedBy', { name: nameOf(order.assistedBy) })}
        </p>
      ) : null}
    </li>
  );
}

/** HQ's status in words, or where the order stands before HQ has it. */
function statusWords(order: StaffOrder, t: TFunction): string {
  switch (order.status) {
    case 'received':
      return t('staff.orders.status.received');
    case 'paid':
      return t('staff.orders.status.paid');
    case 'shipped':
      return t('staff.orders.status.shipped');
    case 'ready-for-pickup':
      return t('staff.orders.status.readyForPickup');
    case 'collected':
      return t('staff.orders.status.collected');
    case 'cancelled':
      return t('staff.orders.status.cancelled');
    case null:
      return t('staff.orders.status.notYet');
  }
}
