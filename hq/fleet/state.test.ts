import { describe, expect, it } from 'vitest';
import { Heartbeat } from '../../shared/sync/fleet';
import { judge } from './state';

const MIN = 60_000;
const NOW = Date.UTC(2030, 0, 10, 12);

function beat(overrides: Partial<Heartbeat> = {}, at = NOW): Heartbeat {
  return Heartbeat.parse({
    at,
    version: '1.0.0',
    uptimeSeconds: 3600,
    sync: { phase: 'live', live: true, cursor: 10, head: 10, pendingChanges: 0, lastSuccessAt: at - MIN },
    outbox: { pending: 0, oldestPendingAt: null },
    diskFreeBytes: 1e10,
    crashCount: 0,
    lastError: null,
    update: { state: 'idle', version: null, message: null },
    ...overrides,
  });
}

describe('fleet states', () => {
  it('healthy with nothing to say; never-seen without a heartbeat', () => {
    expect(judge({ heartbeat: beat(), receivedAt: NOW - MIN }, NOW)).toEqual({ state: 'healthy', reasons: [] });
    expect(judge(null, NOW).state).toBe('never-seen');
  });

  it('offline after three minutes without a heartbeat, not before', () => {
    expect(judge({ heartbeat: beat({}, NOW - 3 * MIN), receivedAt: NOW - 3 * MIN }, NOW).state).toBe('healthy');
    const offline = judge({ heartbeat: beat({}, NOW - 4 * MIN), receivedAt: NOW - 4 * MIN }, NOW);
    expect(offline).toEqual({ state: 'offline', reasons: ['No heartbeat for 4 min'] });
  });

  it('stale when the last sync or the oldest outbox item is more than 15 minutes old, read on the pillar’s own clock', () => {
    // The pillar's clock is an hour fast: its times are read against its own `at`.
    const fast = NOW + 60 * MIN;
    expect(judge({ heartbeat: beat({ sync: { phase: 'live', live: true, cursor: 1, head: 1, pendingChanges: 0, lastSuccessAt: fast - 14 * MIN } }, fast), receivedAt: NOW }, NOW).state).toBe('healthy');
    const stale = judge({ heartbeat: beat({ sync: { phase: 'offline', live: false, cursor: 1, head: 9, pendingChanges: 8, lastSuccessAt: fast - 20 * MIN }, outbox: { pending: 3, oldestPendingAt: fast - 16 * MIN } }, fast), receivedAt: NOW }, NOW);
    expect(stale).toEqual({ state: 'stale', reasons: ['Last successful sync 20 min ago', '3 items waiting to reach HQ, the oldest for 16 min'] });
    expect(judge({ heartbeat: beat({ sync: { phase: 'snapshot', live: false, cursor: 0, head: 0, pendingChanges: 0, lastSuccessAt: null } }), receivedAt: NOW }, NOW).reasons).toEqual(['Has never finished a sync']);
  });

  it('failing on a crash this hour, an error in the last 10 minutes, a failed or rolled-back update; failing outranks stale', () => {
    expect(judge({ heartbeat: beat({ crashCount: 2 }), receivedAt: NOW }, NOW).reasons).toEqual(['2 crashes in the last hour']);
    expect(judge({ heartbeat: beat({ lastError: { at: NOW - 11 * MIN, message: 'old' } }), receivedAt: NOW }, NOW).state).toBe('healthy');
    expect(judge({ heartbeat: beat({ lastError: { at: NOW - 2 * MIN, message: 'disk full' } }), receivedAt: NOW }, NOW).reasons).toEqual(['Error 2 min ago: disk full']);
    expect(judge({ heartbeat: beat({ update: { state: 'rolled-back', version: '1.1.0', message: 'did not start twice' } }), receivedAt: NOW }, NOW).reasons).toEqual(['Update to 1.1.0 rolled back: did not start twice']);
    const both = judge({ heartbeat: beat({ update: { state: 'failed', version: null, message: null }, outbox: { pending: 1, oldestPendingAt: NOW - 30 * MIN } }), receivedAt: NOW }, NOW);
    expect(both).toEqual({ state: 'failing', reasons: ['Update failed', '1 item waiting to reach HQ, the oldest for 30 min'] });
  });
});
