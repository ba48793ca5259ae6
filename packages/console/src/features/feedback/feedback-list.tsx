import { useTranslation } from 'react-i18next';
import { LoadAlert } from '../admin/form-alert.tsx';
import { FeedbackCard } from './feedback-card.tsx';
import type { FeedbackKind } from './feedback-kinds.ts';
import { useFeedbackPages } from './use-feedback-pages.ts';

/** One tab's feedback, newest pages last; "More" reads the next page. */
export function FeedbackList(props: { kind: FeedbackKind }) {
  const { t } = useTranslation();
  const pages = useFeedbackPages(props.kind);
  return (
    <section className="feedback-list" aria-label={t(`feedbackKind.${props.kind}`)}>
      <p className="feedback-list__hint">{t(`feedbackHint.${props.kind}`)}</p>
      <LoadAlert error={pages.error} />
      {!pages.loaded && !pages.error && <p role="status">{t('app.loading')}</p>}
      {pages.loaded && pages.items.length === 0 && <p className="feedback-list__empty">{t('feedback.empty')}</p>}
      <ul className="feedback-list__items">
        {pages.items.map((item) => <FeedbackCard key={`${item.kind}:${item.id}`} item={item} />)}
      </ul>
      {pages.hasMore && (
        <button type="button" className="button" disabled={pages.loading} onClick={() => void pages.loadMore()}>
          {pages.loading ? t('app.loading') : t('feedback.more')}
        </button>
      )}
    </section>
  );
}
