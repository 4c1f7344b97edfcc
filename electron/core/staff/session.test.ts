import { describe, expect, it } from 'vitest';
import type { StaffSession } from '../../../shared/api/staff';
import { StaffSessions, type SessionEnd } from './session';

const ALEX = { id: 'S-1001', name: 'Alex S.', role: 'staff' as const };

describe('the staff session', () => {
  it('ends after idleSeconds without a staff call; each call moves its end on', () => {
    const clock = { now: 1_000_000 };
    const changes: (SessionEnd | 'signed-in')[] = [];
    const sessions = new StaffSessions({ idleSeconds: () => 120, now: () => clock.now, onChange: (_s, why) => changes.push(why) });
    const started = sessions.start(ALEX);
    expect(started).toMatchObject({ staffId: 'S-1001', role: 'staff', startedAt: 1_000_000, expiresAt: 1_120_000 });
    clock.now += 100_000;
    expect(sessions.touch()?.expiresAt).toBe(1_220_000);
    clock.now += 119_999;
    expect(sessions.current()).not.toBeNull();
    clock.now += 1;
    expect(sessions.current()).toBeNull();
    expect(changes).toEqual(['signed-in', 'idle']);
    expect(sessions.touch()).toBeNull();
    sessions.close();
  });

  it('ends by itself when nobody calls: the timer tells the UI', async () => {
    const ended = new Promise<[StaffSession | null, string]>((resolve) => {
      const sessions = new StaffSessions({
        idleSeconds: () => 0.05,
        onChange: (session, why) => {
          if (why !== 'signed-in') resolve([session, why]);
        },
      });
      sessions.start(ALEX);
    });
    expect(await ended).toEqual([null, 'idle']);
  });

  it('ends on sign-out and on a configuration change, once', () => {
    const changes: string[] = [];
    const sessions = new StaffSessions({ idleSeconds: () => 120, onChange: (_s, why) => changes.push(why) });
    sessions.start(ALEX);
    expect(sessions.end('config-changed')?.staffId).toBe('S-1001');
    expect(sessions.end('signed-out')).toBeNull();
    expect(changes).toEqual(['signed-in', 'config-changed']);
  });
});
