import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FeedbackItem } from '@tandem/protocol';
import { formatTime } from '../../i18n/formatters.ts';
import { useDirectory } from '../../live/directory.ts';
import { CreateArticleButton } from './create-article-button.tsx';
import { TrainingPhraseForm } from './training-phrase-form.tsx';

const MAX_STARS = 5;

/** "★★☆☆☆" for the eye, "2 of 5" for a screen reader. */
function Stars(props: { rating: number }) {
  const { t } = useTranslation();
  const filled = Math.max(0, Math.min(MAX_STARS, props.rating));
  return (
    <span className="stars" role="img" aria-label={t('feedback.stars', { rating: filled, max: MAX_STARS })}>
      {'★'.repeat(filled)}{'☆'.repeat(MAX_STARS - filled)}
    </span>
  );
}

/** The verdict of a yes/no item: 1 yes, right, easy; 0 no, wrong, hard. */
function Verdict(props: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { kind, rating } = props.item;
  if (kind === 'csat') return rating === null ? null : <Stars rating={rating} />;
  const verdict = rating === null ? 'none' : rating > 0 ? 'yes' : 'no';
  return <span className={`verdict verdict--${verdict}`}>{t(`feedbackVerdict.${kind}_${verdict}`)}</span>;
}

/** One piece of feedback with what it is about and what an admin can do with it. */
export function FeedbackCard(props: { item: FeedbackItem }) {
  const { t, i18n } = useTranslation();
  const { item } = props;
  const agent = useDirectory('agents').find((a) => a.id === item.agentId);
  const links: ReactNode[] = [];
  if (item.conversationId) links.push(<Link key="c" href={`/inbox/all/${item.conversationId}`}>{t('feedback.openConversation')}</Link>);
  if (item.articleId) {
    links.push(
      <Link key="a" href={`/feedback/edit/${item.articleId}?back=${item.kind}`} aria-label={t('feedback.editArticleNamed', { title: item.articleTitle ?? '' })}>{t('feedback.editArticle')}</Link>,
    );
  }
  // Only a conversation a customer rated or was handed over in can become an article.
  const draftFrom = item.kind === 'csat' || item.kind === 'handoff' ? item.conversationId : null;
  return (
    <li className="feedback-card" data-testid="feedback-item">
      <div className="feedback-card__top">
        <Verdict item={item} />
        {item.articleTitle && <strong dir="auto">{item.articleTitle}</strong>}
        <time dateTime={item.createdAt}>{formatTime(item.createdAt, i18n.language)}</time>
        {agent && <span className="feedback-card__agent">{t('feedback.agent', { name: agent.name })}</span>}
      </div>
      {item.question && (
        <p className="feedback-card__question">
          <span className="feedback-card__label">{t('feedback.question')}</span> <q dir="auto">{item.question}</q>
          {item.intent && <> <span className="feedback-card__label">{t('feedback.answeredAs')}</span> <code>{item.intent}</code></>}
        </p>
      )}
      {item.comment ? <p className="feedback-card__comment" dir="auto">{item.comment}</p> : <p className="feedback-card__none">{t('feedback.noComment')}</p>}
      <div className="feedback-card__actions">
        {links}
        {draftFrom && <CreateArticleButton conversationId={draftFrom} back={item.kind} />}
      </div>
      {item.kind === 'bot' && <TrainingPhraseForm item={item} />}
    </li>
  );
}
