import { useCallback, useEffect, useRef } from 'react';
import { useSession } from '../session/session-context.tsx';

const REPEAT_MS = 3_000;

/** "Agent is typing" for the customer: said at most every few seconds, and unsaid on stop. */
export function useTypingSignal(conversationId: string): (typing: boolean) => void {
  const { live } = useSession();
  const last = useRef(0);
  const on = useRef(false);
  useEffect(() => () => {
    if (on.current) live.signal({ type: 'typing', conversationId, typing: false });
  }, [conversationId, live]);
  return useCallback(
    (typing: boolean) => {
      const now = Date.now();
      if (typing && on.current && now - last.current < REPEAT_MS) return;
      if (!typing && !on.current) return;
      on.current = typing;
      last.current = now;
      live.signal({ type: 'typing', conversationId, typing });
    },
    [conversationId, live],
  );
}
