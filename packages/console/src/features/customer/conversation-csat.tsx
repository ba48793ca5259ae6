import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';

// The part of Csat (OpenAPI) this panel reads; `@tandem/protocol` exports its schema but no type.
interface Csat {
  rating: number | null;
  comment: string | null;
  easyToReach: boolean | null;
  status: 'scheduled' | 'asked' | 'answered' | 'skipped';
}

const MAX_RATING = 5;

/** The satisfaction survey of the conversation on screen: its answer, or that it waits for one. */
export function ConversationCsat({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  // A conversation without a survey answers 404 `csat.not_found`: like one not sent yet, it shows nothing.
  const csat = useResource<Csat>(`/conversations/${conversationId}/csat`).data;
  if (!csat || (csat.status !== 'answered' && csat.status !== 'asked')) return null;
  return (
    <section aria-labelledby="csat-title" data-testid="conversation-csat">
      <h3 id="csat-title">{t('csat.title')}</h3>
      {csat.status === 'asked' ? <p>{t('csat.waiting')}</p> : <CsatAnswer csat={csat} />}
    </section>
  );
}

function CsatAnswer({ csat }: { csat: Csat }) {
  const { t } = useTranslation();
  const rating = csat.rating === null ? null : Math.min(MAX_RATING, Math.max(0, csat.rating));
  return (
    <>
      {rating !== null && <p>{t('csat.rating', { stars: '★'.repeat(rating) + '☆'.repeat(MAX_RATING - rating), rating, max: MAX_RATING })}</p>}
      {csat.comment && <p dir="auto">{csat.comment}</p>}
      {csat.easyToReach !== null && <p>{t('csat.easyToReach', { answer: csat.easyToReach ? t('common.yes') : t('common.no') })}</p>}
    </>
  );
}
