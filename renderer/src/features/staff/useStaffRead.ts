import { useEffect, useState } from 'react';
import type { EventName } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import { kiosk } from '../../api/kiosk';

/**
 * A staff screen's data: read on opening, again on each of `events` and on `reload()` (the screen's
 * Refresh). An answer that comes after the screen closed is dropped.
 */
export function useStaffRead<T>(read: () => Promise<Result<T>>, events: readonly EventName[]): { value: T | null; failed: boolean; reload(): void } {
  const [value, setValue] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    void read().then((answer) => {
      if (!live) return;
      setFailed(!answer.ok);
      if (answer.ok) setValue(answer.value);
    });
    return () => {
      live = false;
    };
    // `read` is a module-level call; the screen re-reads on `round`, not on a new function identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);

  useEffect(() => {
    const stops = events.map((event) => kiosk.subscribe(event, () => setRound((count) => count + 1)));
    return () => stops.forEach((stop) => stop());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { value, failed, reload: () => setRound((count) => count + 1) };
}
