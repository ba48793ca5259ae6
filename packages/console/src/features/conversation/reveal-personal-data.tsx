import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@tandem/protocol';
import { useSession } from '../session/session-context.tsx';
import './reveal-personal-data.css';

// The button pressed is gone once the original shows: keyboard users continue from the note that replaced it.
const focusOnMount = (element: HTMLElement | null) => element?.focus();

/**
 * On a message the server masked for agents: asks for the original (the server audits every
 * reveal) and hands it to the message, for this view only. Nothing is cached or stored: the
 * next load shows it masked again.
 */
export function RevealPersonalData(props: { message: Message; revealed: boolean; onRevealed: (original: Message) => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { id, conversationId } = props.message;

  const reveal = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      props.onRevealed(await http.send<Message>('POST', `/conversations/${conversationId}/messages/${id}/reveal`));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  if (props.revealed) {
    return <p ref={focusOnMount} tabIndex={-1} className="reveal-pii reveal-pii__note" role="status" data-testid="personal-data-shown">{t('message.personalDataShown')}</p>;
  }
  return (
    <div className="reveal-pii">
      {/* aria-disabled rather than disabled while asking: a disabled button drops the keyboard focus. */}
      <button type="button" className="button button--quiet reveal-pii__button" aria-disabled={busy} aria-busy={busy} onClick={() => void reveal()} data-testid="reveal-personal-data">
        {t('message.showPersonalData')}
      </button>
      {problem && <span className="field-error" role="alert">{t('message.revealFailed', { detail: problem })}</span>}
    </div>
  );
}
