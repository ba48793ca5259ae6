import { useState } from 'react';
import type { FeedbackItem } from '@tandem/protocol';
import type { ProblemError } from '../../api/http-client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useSession } from '../session/session-context.tsx';
import type { FeedbackKind } from './feedback-kinds.ts';

interface FeedbackPageResult {
  items: FeedbackItem[];
  nextCursor: string | null;
}

export const PAGE_SIZE = 50;

/** The first page of one kind, then each further page appended when asked for ("More"). */
export function useFeedbackPages(kind: FeedbackKind) {
  const { http } = useSession();
  const first = useResource<FeedbackPageResult>('/feedback', { kind, limit: PAGE_SIZE });
  const [more, setMore] = useState<FeedbackPageResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ProblemError | null>(null);
  const cursor = more ? more.nextCursor : (first.data?.nextCursor ?? null);

  async function loadMore(): Promise<void> {
    if (!cursor || loading) return;
    setLoading(true);
    setError(null);
    try {
      const page = await http.get<FeedbackPageResult>('/feedback', { kind, limit: PAGE_SIZE, cursor });
      setMore((shown) => ({ items: [...(shown?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    } catch (failure) {
      setError(failure as ProblemError);
    } finally {
      setLoading(false);
    }
  }

  return {
    items: [...(first.data?.items ?? []), ...(more?.items ?? [])],
    loaded: first.data !== undefined,
    error: first.error ?? error,
    hasMore: cursor !== null,
    loading,
    loadMore,
  };
}
