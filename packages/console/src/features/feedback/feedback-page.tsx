import { useTranslation } from 'react-i18next';
import { Link, useRoute } from 'wouter';
import { FEEDBACK_CATALOGS } from '../../i18n/feedback.catalog.ts';
import { addCatalogs } from '../../i18n/console-i18n.ts';
import { TopBar } from '../layout/top-bar.tsx';
import { isAdmin, useSession } from '../session/session-context.tsx';
import { ArticleDraftEditor } from './article-draft-editor.tsx';
import { FEEDBACK_TABS, isFeedbackKind } from './feedback-kinds.ts';
import { FeedbackList } from './feedback-list.tsx';
import './feedback.css';

/**
 * What customers said: ratings, article votes, wrong bot answers and handoffs, for admins and owners
 * (the API refuses agents too). /feedback/<kind> picks the tab; /feedback/edit/<articleId> edits an article.
 */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  addCatalogs(i18n, FEEDBACK_CATALOGS);
  const { session } = useSession();
  const [editing, edit] = useRoute<{ articleId: string }>('/feedback/edit/:articleId');
  const [, tab] = useRoute<{ kind: string }>('/feedback/:kind');
  if (!isAdmin(session)) {
    return (
      <div className="console">
        <TopBar />
        <p className="notice" role="alert">{t('feedback.forbidden')}</p>
      </div>
    );
  }
  const kind = isFeedbackKind(tab?.kind) ? tab.kind : 'csat';
  return (
    <div className="console">
      <TopBar />
      <main className="feedback" aria-labelledby="feedback-title">
        <h1 id="feedback-title">{t('feedback.title')}</h1>
        {editing && edit ? (
          <ArticleDraftEditor key={edit.articleId} articleId={edit.articleId} />
        ) : (
          <>
            <nav className="feedback__tabs" aria-label={t('feedback.kinds')}>
              {FEEDBACK_TABS.map((k) => (
                <Link key={k} href={`/feedback/${k}`} aria-current={k === kind ? 'page' : undefined} className="nav-item">{t(`feedbackKind.${k}`)}</Link>
              ))}
            </nav>
            <FeedbackList key={kind} kind={kind} />
          </>
        )}
      </main>
    </div>
  );
}
