import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`: enough for "waiting 5 min" and SLA badges. */
export function useClock(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
