import { useSyncExternalStore } from 'react';
import { useSession } from '../features/session/session-context.tsx';
import type { LiveSnapshot } from './live-store.ts';

/** A part of the live snapshot; `select` must return a part of it as is (not a new object). */
export function useLive<T>(select: (snapshot: LiveSnapshot) => T): T {
  const { live } = useSession();
  return useSyncExternalStore(live.subscribe, () => select(live.getSnapshot()));
}
