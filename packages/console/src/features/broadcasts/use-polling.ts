import { useEffect, useRef } from 'react';

/** Calls `tick` every `intervalMs` while it is a number; null stops. The latest `tick` is the one called. */
export function usePolling(intervalMs: number | null, tick: () => void): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (intervalMs === null) return;
    const timer = setInterval(() => latest.current(), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
}
