import { useEffect, useState } from 'react';

/** The current time, re-read every `everyMs`, for text like "2 minutes ago" that ages on screen. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
