import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, InboxRow } from '@tandem/protocol';
import { useLive } from '../../live/use-live.ts';
import { useSession } from '../session/session-context.tsx';

/** Who else is here, who is typing, and whether someone took the conversation meanwhile. */
export function CollisionBanner(props: { row: InboxRow; agents: readonly Agent[] }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const c = props.row.conversation;
  const viewers = useLive((s) => s.signals.viewers.get(c.id));
  const agentsTyping = useLive((s) => s.signals.agentsTyping.get(c.id));
  const customerTyping = useLive((s) => s.signals.customerTyping.has(c.id));
  const previous = useRef(c.assigneeId);
  const [takenBy, setTakenBy] = useState<string | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = c.assigneeId;
    if (c.assigneeId && c.assigneeId !== before && c.assigneeId !== session.agent.id) {
      setTakenBy(props.agents.find((a) => a.id === c.assigneeId)?.name ?? t('message.agent'));
    } else if (c.assigneeId === session.agent.id) setTakenBy(null);
  }, [c.assigneeId, session.agent.id, props.agents, t]);

  const lines: { key: string; text: string; strong?: boolean }[] = [];
  if (takenBy) lines.push({ key: 'taken', text: t('collision.taken', { name: takenBy }), strong: true });
  const typingNames = (agentsTyping ?? []).map((p) => p.name);
  if (typingNames.length) lines.push({ key: 'typing', text: t('collision.replying', { names: typingNames.join(', ') }), strong: true });
  const viewing = (viewers ?? []).map((p) => p.name).filter((n) => !typingNames.includes(n));
  if (viewing.length) lines.push({ key: 'viewing', text: t('collision.viewing', { names: viewing.join(', ') }) });
  if (customerTyping) lines.push({ key: 'customer', text: t('collision.customerTyping') });
  if (lines.length === 0) return null;
  return (
    <div className="collision" role="status" data-testid="collision">
      {lines.map((line) => <p key={line.key} className={line.strong ? 'collision__strong' : undefined}>{line.text}</p>)}
    </div>
  );
}
