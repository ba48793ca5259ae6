import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ProblemError } from '../../api/http-client.ts';
import { useSession } from '../session/session-context.tsx';

interface ArticleDraft {
  articleId: string;
  title: string;
}

/** Drafts a help-center article from a resolved conversation on the server, then opens it for editing. */
export function CreateArticleButton(props: { conversationId: string; back: string }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const draft = await http.send<ArticleDraft>('POST', '/feedback/article-drafts', { conversationId: props.conversationId });
      navigate(`/feedback/edit/${draft.articleId}?back=${props.back}`);
    } catch (failure) {
      setError(failure instanceof ProblemError ? failure.message : t('feedback.draftFailed'));
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => void create()}>
        {busy ? t('feedback.creatingArticle') : t('feedback.createArticle')}
      </button>
      {error && <p className="field-error" role="alert">{error}</p>}
    </>
  );
}
