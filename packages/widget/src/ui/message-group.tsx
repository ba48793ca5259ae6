import { Fragment } from 'preact';
import { formatMessageTime } from '../i18n/formatters.ts';
import { guard } from '../report-error.ts';
import type { TimelineItem } from '../state/widget.selectors.ts';
import { AnswerRating, Attachments, ArticleCards, QuickReplies } from './message-extras.tsx';
import { bubbleAuthor, bubbleTime, type MessageGroup } from './message-grouping.ts';
import { MessageText } from './message-text.tsx';
import { useWidget } from './widget-context.ts';

type Bubble = Exclude<TimelineItem, { kind: 'divider' }>;

function MessageBubble(props: { item: Bubble }) {
  const { item } = props;
  const body = item.kind === 'local' ? item.item.body : item.message.body;
  const content = item.kind === 'local' ? { attachments: item.item.attachments } : item.message.content;
  const attachments = content.attachments ?? [];
  // A file sent alone carries its name as the body; showing both would say it twice.
  const isNameOnly = attachments.length === 1 && attachments[0]?.name === body;
  return (
    <div class="bubble" data-testid="tandem-message" data-author={bubbleAuthor(item)} data-status={item.status ?? undefined}>
      {isNameOnly ? null : <MessageText text={body} />}
      {attachments.length > 0 ? <Attachments attachments={attachments} /> : null}
    </div>
  );
}

function FailedMeta(props: { idempotencyKey: string; error: string | null }) {
  const { controller, t } = useWidget();
  return (
    <div class="meta">
      <span class="failed">
        {t('status.failed')}
        {props.error ? ` — ${props.error}` : ''}
      </span>
      <button type="button" onClick={guard('retry', () => controller.composer.retry(props.idempotencyKey))}>
        {t('status.retry')}
      </button>
      <button type="button" onClick={guard('delete', () => controller.composer.discard(props.idempotencyKey))}>
        {t('status.delete')}
      </button>
    </div>
  );
}

/** One author's consecutive messages: name once, bubbles, then time and (own) delivery state. */
export function MessageGroupView(props: { group: MessageGroup; latestKey: string | null }) {
  const { t, locale } = useWidget();
  const { group } = props;
  const isOwn = group.author === 'customer';
  const last = group.items[group.items.length - 1];
  if (!last) return null;
  const lastTime = bubbleTime(last);
  const role = isOwn ? 'own' : group.author === 'system' ? 'system' : 'team';
  return (
    <div class={`group ${role}`}>
      {role === 'team' ? <span class="author">{t(`author.${group.author}`)}</span> : null}
      {group.items.map((item) => {
        const content = item.kind === 'message' ? item.message.content : null;
        const isLatest = item.key === props.latestKey;
        return (
          <Fragment key={item.key}>
            <MessageBubble item={item} />
            {content?.articleCards?.length ? <ArticleCards cards={content.articleCards} /> : null}
            {item.kind === 'message' && item.message.author === 'bot' ? <AnswerRating messageId={item.message.id} /> : null}
            {isLatest && !isOwn && content?.quickReplies?.length ? <QuickReplies replies={content.quickReplies} /> : null}
            {item.kind === 'local' && item.status === 'failed' ? <FailedMeta idempotencyKey={item.key} error={item.item.error} /> : null}
          </Fragment>
        );
      })}
      <div class="meta">
        <time dateTime={lastTime}>{formatMessageTime(lastTime, locale)}</time>
        {isOwn && last.status && last.status !== 'failed' ? <span>{t(`status.${last.status}`)}</span> : null}
      </div>
    </div>
  );
}
