import { useEffect } from 'react';
import { useLive } from '../../live/use-live.ts';
import { useSession } from '../session/session-context.tsx';

const VIEWING_REPEAT_MS = 20_000;

/**
 * While a conversation is open: tell other agents (collision detection, repeated so a closed
 * laptop's claim expires), mark what is on screen as read, and clear its mentions.
 */
export function usePresenceInConversation(conversationId: string, lastSeq: number): void {
  const { live } = useSession();
  const connection = useLive((s) => s.connection);
  useEffect(() => {
    const say = (viewing: boolean) => live.signal({ type: 'viewing', conversationId, viewing });
    say(true);
    const timer = setInterval(() => say(true), VIEWING_REPEAT_MS);
    live.seeMentions(conversationId);
    return () => {
      clearInterval(timer);
      say(false);
    };
  }, [conversationId, live, connection]);

  useEffect(() => {
    if (lastSeq > 0) live.signal({ type: 'receipt', conversationId, read: lastSeq });
  }, [conversationId, lastSeq, live]);
}
