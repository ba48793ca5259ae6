import { reportError } from '../report-error.ts';
import type { WidgetStore } from '../state/widget.store.ts';
import type { WidgetSession } from '../transport/wire-types.ts';

export type SessionKeeper = {
  /** The current token, creating an anonymous session when there is none; null while unreachable. */
  ensure(): Promise<string | null>;
  /** The server refused `refused`: start a new session unless another call already did. */
  renew(refused: string | null): Promise<string | null>;
  adopt(session: WidgetSession): void;
};

export function createSessionKeeper(deps: {
  store: WidgetStore;
  createSession: () => Promise<WidgetSession>;
  onChanged: (previous: { token: string | null; customerId: string | null }) => void;
}): SessionKeeper {
  let pending: Promise<string | null> | null = null;

  const adopt = (session: WidgetSession) => {
    const { token, customerId } = deps.store.getState();
    deps.store.dispatch({ type: 'session.started', token: session.token, customerId: session.customerId });
    if (token !== session.token) deps.onChanged({ token, customerId });
  };

  // Concurrent callers share one request: two sessions would mean two customers for one visitor.
  const create = () => {
    pending ??= deps
      .createSession()
      .then((session) => {
        adopt(session);
        return session.token;
      })
      .catch((error: unknown) => {
        reportError('session', error);
        return null;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };

  return {
    ensure: () => {
      const token = deps.store.getState().token;
      return token ? Promise.resolve(token) : create();
    },
    renew: (refused) => {
      const token = deps.store.getState().token;
      // A request that left before the last renewal still carries the old token: it needs the new one, not another customer.
      if (token && token !== refused) return Promise.resolve(token);
      if (token) deps.store.dispatch({ type: 'session.lost' });
      return create();
    },
    adopt,
  };
}
