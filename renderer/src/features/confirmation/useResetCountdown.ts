import { useEffect, useRef, useState } from 'react';
import { useStaffStore } from '../staff/staffStore';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown'] as const;

/**
 * Seconds left before the confirmation clears itself for the next shopper. A touch starts the count
 * again: someone still reading the code or writing a comment is never cut off.
 */
export function useResetCountdown(seconds: number, onReset: () => void): number {
  const [remaining, setRemaining] = useState(seconds);
  const startedAt = useRef(0);
  const reset = useRef(onReset);
  useEffect(() => {
    reset.current = onReset;
  });

  useEffect(() => {
    startedAt.current = Date.now();
    const touched = (): void => {
      startedAt.current = Date.now();
      setRemaining(seconds);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touched, { capture: true, passive: true });
    const tick = setInterval(() => {
      const left = Math.max(0, Math.ceil(seconds - (Date.now() - startedAt.current) / 1000));
      setRemaining(left);
      if (left === 0 && useStaffStore.getState().session) {
        // Staff at the pillar: the confirmation waits for them (staff mode has its own idle, in the core).
        touched();
        return;
      }
      if (left === 0) {
        clearInterval(tick);
        reset.current();
      }
    }, 250);
    return () => {
      clearInterval(tick);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touched, { capture: true });
    };
  }, [seconds]);

  return remaining;
}
