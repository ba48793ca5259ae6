import { useEffect, useState } from 'react';
import type { Agent, Team } from '@tandem/protocol';
import type { HttpClient } from '../api/http-client.ts';
import { useSession } from '../features/session/session-context.tsx';

/** The workspace's agents and teams, read once per session and shared by every screen. */
export interface Directory {
  agents(): Promise<Agent[]>;
  teams(): Promise<Team[]>;
}

export function createDirectory(http: HttpClient): Directory {
  let agents: Promise<Agent[]> | null = null;
  let teams: Promise<Team[]> | null = null;
  const retryable = <T>(load: () => Promise<T>, reset: () => void) => load().catch((error: unknown) => {
    reset();
    throw error;
  });
  return {
    agents: () => (agents ??= retryable(() => http.get<{ items: Agent[] }>('/agents', { limit: 200 }).then((r) => r.items), () => (agents = null))),
    teams: () => (teams ??= retryable(() => http.get<{ items: Team[] }>('/teams').then((r) => r.items), () => (teams = null))),
  };
}

/** One list of the directory; empty until read (or when `enabled` is false). */
export function useDirectory<K extends keyof Directory>(kind: K, enabled = true): Awaited<ReturnType<Directory[K]>> {
  const { directory } = useSession();
  const [items, setItems] = useState<Awaited<ReturnType<Directory[K]>>>([] as never);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    directory[kind]().then(
      (loaded) => current && setItems(loaded as never),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [directory, kind, enabled]);
  return items;
}
