import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../features/session/session-context.tsx';
import type { ProblemError, Query } from './http-client.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ProblemError | null;
  reload: () => void;
}

/** GETs `path` when it changes (null: nothing to load); `reload` reads it again. */
export function useResource<T>(path: string | null, query?: Query): Resource<T> {
  const { http } = useSession();
  const [state, setState] = useState<{ key: string | null; data: T | undefined; error: ProblemError | null }>({ key: null, data: undefined, error: null });
  const [version, setVersion] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;

  useEffect(() => {
    if (path === null) return;
    let current = true;
    http.get<T>(path, query).then(
      (data) => current && setState({ key, data, error: null }),
      (error: ProblemError) => current && setState({ key, data: undefined, error }),
    );
    return () => {
      current = false;
    };
    // `key` stands for path and query: they are read through it.
  }, [key, version, http]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : null, reload };
}
