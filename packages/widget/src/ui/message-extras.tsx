import { useState } from 'preact/hooks';
import type { AttachmentMeta, ArticleCard, QuickReply } from '../transport/wire-types.ts';
import { formatBytes } from '../i18n/formatters.ts';
import { guard } from '../report-error.ts';
import { safeHref } from './safe-url.ts';
import { useWidget } from './widget-context.ts';
import { FileIcon } from './widget-icons.tsx';

export const EXTERNAL = { target: '_blank', rel: 'noopener noreferrer nofollow' } as const;

/** Images inline (alt = file name), anything else as a download link with its size. */
export function Attachments(props: { attachments: readonly AttachmentMeta[] }) {
  const { controller, t, locale } = useWidget();
  return (
    <>
      {props.attachments.map((file, index) => {
        const href = safeHref(file.url, controller.apiOrigin);
        if (!href) return null;
        if (file.contentType.startsWith('image/')) {
          return (
            <a key={index} href={href} {...EXTERNAL}>
              <img src={href} alt={file.name} loading="lazy" />
            </a>
          );
        }
        const size = formatBytes(file.size, locale);
        return (
          <a key={index} class="file" href={href} download={file.name} {...EXTERNAL} aria-label={t('attachment.download', { name: file.name, size })}>
            <FileIcon />
            <span>{file.name}</span>
            <span>({size})</span>
          </a>
        );
      })}
    </>
  );
}

export function ArticleCardLink(props: { card: { title: string; url: string; summary?: string | null } }) {
  const { controller } = useWidget();
  // Help-center links are paths on the Tandem server, not on the host site.
  const href = safeHref(props.card.url, controller.apiOrigin);
  if (!href) return null;
  return (
    <a class="card" href={href} {...EXTERNAL}>
      <span class="card-title">{props.card.title}</span>
      {props.card.summary ? <p class="card-summary">{props.card.summary}</p> : null}
    </a>
  );
}

export function ArticleCards(props: { cards: readonly ArticleCard[] }) {
  return (
    <div class="cards">
      {props.cards.map((card, index) => (
        <ArticleCardLink key={card.articleId ?? index} card={card} />
      ))}
    </div>
  );
}

/** Answer buttons under the latest bot/agent message: pressing one sends its value as the reply. */
export function QuickReplies(props: { replies: readonly QuickReply[] }) {
  const { controller, t } = useWidget();
  return (
    <div class="quick-replies" role="group" aria-label={t('conversation.suggestedReplies')}>
      {props.replies.map((reply) => (
        <button key={reply.value} type="button" class="chip" onClick={guard('quick reply', () => controller.composer.send(reply.value))}>
          {reply.label}
        </button>
      ))}
    </div>
  );
}

/** Thumbs up/down under a bot answer; the choice stays pressed for the session and can be changed. */
export function AnswerRating(props: { messageId: string }) {
  const { controller, t } = useWidget();
  const [helpful, setHelpful] = useState(controller.ratingOf(props.messageId));
  const choose = (value: boolean) =>
    guard('answer rating', () => {
      controller.rateAnswer(props.messageId, value);
      setHelpful(value);
    });
  return (
    <div class="rating" data-testid="tandem-rating">
      <button type="button" aria-label={t('conversation.rateHelpful')} aria-pressed={helpful === true} onClick={choose(true)}>
        👍
      </button>
      <button type="button" aria-label={t('conversation.rateUnhelpful')} aria-pressed={helpful === false} onClick={choose(false)}>
        👎
      </button>
    </div>
  );
}
