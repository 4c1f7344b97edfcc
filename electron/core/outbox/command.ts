import type { OutboxStatus } from '../../../shared/api/orders';
import { UPSTREAM } from '../../../shared/sync/upstream';
import { openLocal } from '../db/open';
import { startOfLocalDay } from '../orders/deliveryDates';
import { OutboxStore, type PendingRow } from './store';

export interface OutboxReport extends OutboxStatus {
  /** The rows still on their way, oldest first: ids, kinds, order codes and errors; never a body. */
  pendingRows: PendingRow[];
}

/** `npm run kiosk -- outbox`: what the pillar in `localFile` still has to send HQ. Reads only. */
export function outboxReport(localFile: string, timeZone: string, now = Date.now()): OutboxReport {
  const db = openLocal(localFile);
  try {
    const store = new OutboxStore(db);
    return { ...store.status(startOfLocalDay(now, timeZone)), pendingRows: store.pending() };
  } finally {
    db.close();
  }
}

/** The widest kind's name, so every row's code and id line up whatever the kind. */
const KIND_WIDTH = Math.max(...Object.keys(UPSTREAM).map((kind) => kind.length));

export function formatOutbox(report: OutboxReport, timeZone: string): string {
  const at = (ms: number | null): string => (ms === null ? 'never' : new Date(ms).toLocaleString('sv-SE', { timeZone }));
  const lines = [
    `outbox: ${report.pending} pending${report.oldestPendingAt === null ? '' : ` (oldest since ${at(report.oldestPendingAt)})`}, ${report.deliveredToday} delivered today`,
    `  last attempt ${at(report.lastAttemptAt)}, last delivered ${at(report.lastDeliveredAt)}`,
    `  last error: ${report.lastError ?? 'none'}`,
  ];
  if (report.pendingRows.length > 0) {
    lines.push('pending (oldest first):');
    for (const row of report.pendingRows) {
      lines.push(
        `  ${row.kind.padEnd(KIND_WIDTH)} ${(row.code ?? '').padEnd(9)} ${row.id}  since ${at(row.createdAt)}, ${row.attempts} attempt${row.attempts === 1 ? '' : 's'}, next ${at(row.nextAttemptAt)}${row.lastError ? `\n    ${row.lastError}` : ''}`,
      );
    }
  }
  if (report.rejected.length > 0) {
    lines.push('refused by HQ (kept, not retried; sort out with HQ):');
    for (const row of report.rejected) lines.push(`  ${row.kind.padEnd(KIND_WIDTH)} ${(row.code ?? '').padEnd(9)} ${row.id}  at ${at(row.at)}\n    ${row.reason}`);
  }
  return lines.join('\n');
}
