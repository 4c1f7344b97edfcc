import { useEffect, useState } from 'react';

/**
 * True once `active` has stayed true for `delayMs`; false at once when it turns false. For waits that
 * are worth showing only when they are not over in a blink, so a quick answer never flashes a skeleton
 * or a "calling…" line.
 */
export function useDelayed(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [active, delayMs]);
  return active && shown;
}
