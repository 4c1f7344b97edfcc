import { describe, expect, it } from 'vitest';
import { formatOutbox, type OutboxReport } from './command';

const row = (kind: OutboxReport['pendingRows'][number]['kind'], id: string): OutboxReport['pendingRows'][number] => ({
  id,
  kind,
  createdAt: Date.UTC(2026, 10, 23, 9),
  attempts: 2,
  nextAttemptAt: Date.UTC(2026, 10, 23, 9, 5),
  lastError: 'HQ answered 503',
  ...(kind === 'order' ? { code: 'K7MQ-42XD' } : {}),
});

describe('npm run kiosk -- outbox', () => {
  it('outbox command: the ids of every kind line up, the longest kind included', () => {
    const report: OutboxReport = {
      pending: 3,
      oldestPendingAt: Date.UTC(2026, 10, 23, 9),
      lastAttemptAt: null,
      lastDeliveredAt: null,
      lastError: 'HQ answered 503',
      rejected: [],
      deliveredToday: 0,
      pendingRows: [row('order', '11111111-1111-4111-8111-111111111111'), row('coupon-issue', '22222222-2222-4222-8222-222222222222'), row('help', '33333333-3333-4333-8333-333333333333')],
    };
    const lines = formatOutbox(report, 'Europe/Stockholm').split('\n').filter((line) => /[0-9a-f]{8}-/.test(line));
    expect(lines).toHaveLength(3);
    const columns = lines.map((line) => line.search(/[0-9a-f]{8}-[0-9a-f]{4}/));
    expect(new Set(columns).size).toBe(1);
    expect(lines[1]).toContain('coupon-issue ');
  });
});
