import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import { ArticleEditForm } from '../admin/article-edit-form.tsx';
import { isFeedbackKind } from './feedback-kinds.ts';

/**
 * The knowledge base's own article editor, opened on one article. The settings screen (/admin/kb)
 * has no address per article, so feedback links here; saving returns to the tab it came from.
 */
export function ArticleDraftEditor(props: { articleId: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const back = params.get('back') ?? '';
  const backTo = `/feedback/${isFeedbackKind(back) ? back : 'csat'}`;
  return (
    <section className="feedback-editor">
      <p><Link href={backTo}>{t('feedback.back')}</Link> · <Link href="/admin/kb">{t('feedback.allArticles')}</Link></p>
      <ArticleEditForm id={props.articleId} onSaved={() => navigate(backTo)} onCancel={() => navigate(backTo)} />
    </section>
  );
}
