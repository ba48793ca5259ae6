import { useState } from 'react';
import { useSession } from '../features/session/session-context.tsx';
import type { ProblemError, Query } from './http-client.ts';
import { useResource } from './use-resource.ts';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list the server sends in pages: the first page of `path` with `query`, then each further
 * page appended when asked for ("More"). Another query starts over; `reload` reads the first page again.
 */
export function useCursorPages<T>(path: string, query: Query) {
  const { http } = useSession();
  const first = useResource<CursorPage<T>>(path, query);
  const key = `${path}?${JSON.stringify(query)}`;
  const [more, setMore] = useState<{ key: string; page: CursorPage<T> } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ProblemError | null>(null);
  const extra = more?.key === key ? more.page : null;
  const cursor = extra ? extra.nextCursor : (first.data?.nextCursor ?? null);

  async function loadMore(): Promise<void> {
    if (!cursor || loading) return;
    setLoading(true);
    setError(null);
    try {
      const page = await http.get<CursorPage<T>>(path, { ...query, cursor });
      setMore({ key, page: { items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor } });
    } catch (failure) {
      setError(failure as ProblemError);
    } finally {
      setLoading(false);
    }
  }

  return {
    items: [...(first.data?.items ?? []), ...(extra?.items ?? [])],
    loaded: first.data !== undefined,
    error: first.error ?? error,
    hasMore: cursor !== null,
    /** Pages beyond the first are on screen: a refresh would take them away. */
    paged: extra !== null,
    loading,
    loadMore,
    reload: () => {
      setMore(null);
      first.reload();
    },
  };
}

export type CursorPages<T> = ReturnType<typeof useCursorPages<T>>;
