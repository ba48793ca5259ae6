import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FeedbackItem } from '@tandem/protocol';
import { ProblemError } from '../../api/http-client.ts';
import { useResource } from '../../api/use-resource.ts';
import { localizedText } from '../admin/localized-text.ts';
import { useSession } from '../session/session-context.tsx';

// The part of BotIntent (OpenAPI) this form reads.
interface BotIntent {
  key: string;
  title: Record<string, string>;
}

/**
 * Teaches the bot the customer's question as a training phrase of the intent they meant, through
 * the bot's own feedback endpoint (it adds the phrase and retrains). A bot item's id is the bot
 * answer's message id: the server keys bot answer feedback by message.
 */
export function TrainingPhraseForm(props: { item: FeedbackItem }) {
  const { t, i18n } = useTranslation();
  const { http } = useSession();
  const selectId = useId();
  const intents = useResource<{ items: BotIntent[] }>('/bot/intents').data?.items ?? [];
  const [intent, setIntent] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'added' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  if (!props.item.question) return null;

  async function add() {
    setState({ kind: 'saving' });
    try {
      await http.send('POST', `/messages/${props.item.id}/bot-feedback`, { correct: false, intent, addAsPhrase: true });
      setState({ kind: 'added' });
    } catch (failure) {
      setState({ kind: 'failed', message: failure instanceof ProblemError ? failure.message : t('feedback.phraseFailed') });
    }
  }

  if (state.kind === 'added') {
    const title = localizedText(intents.find((i) => i.key === intent)?.title ?? {}, i18n.language) || intent;
    return <p className="feedback-card__done" role="status">{t('feedback.phraseAdded', { intent: title })}</p>;
  }
  return (
    <form className="training-phrase" onSubmit={(e) => { e.preventDefault(); void add(); }}>
      <label htmlFor={selectId}>{t('feedback.meantIntent')}</label>
      <select id={selectId} value={intent} required onChange={(e) => setIntent(e.target.value)}>
        <option value="" disabled>{t('feedback.chooseIntent')}</option>
        {intents.map((i) => <option key={i.key} value={i.key}>{localizedText(i.title, i18n.language) || i.key}</option>)}
      </select>
      <button type="submit" className="button" disabled={!intent || state.kind === 'saving'}>{t('feedback.addPhrase')}</button>
      <Link href="/admin/bot">{t('feedback.botSettings')}</Link>
      {state.kind === 'failed' && <p className="field-error" role="alert">{state.message}</p>}
    </form>
  );
}
