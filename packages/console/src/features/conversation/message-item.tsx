import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@tandem/protocol';
import { formatBytes, formatTime } from '../../i18n/formatters.ts';
import { renderMarkdown } from './markdown.ts';
import { EmailFacts, MessageDelivery } from './message-delivery.tsx';
import { RevealPersonalData } from './reveal-personal-data.tsx';

export const MessageItem = memo(function MessageItem({ message: received, authorName }: { message: Message; authorName: string }) {
  const { t, i18n } = useTranslation();
  // The unmasked original, once this agent asked for it: held by this view only, never cached.
  const [original, setOriginal] = useState<Message | null>(null);
  const message = original ? { ...received, body: original.body, content: original.content } : received;
  const kind = message.private ? 'note' : message.author;
  const { attachments = [], articleCards = [] } = message.content;
  return (
    <li className={`message message--${kind}`} data-testid="thread-message" data-message-id={message.id} data-author={message.author} data-private={message.private}>
      <div className="message__meta">
        <span className="message__author">{authorName}</span>
        <span className="chip" data-testid="message-channel">{t(`channel.${message.channel}`)}</span>
        {message.private && <span className="chip chip--note">{t('message.note')}</span>}
        <time dateTime={message.createdAt}>{formatTime(message.createdAt, i18n.language)}</time>
        <MessageDelivery message={message} />
      </div>
      <div className="message__body" dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(message.body) }} />
      {received.masked && <RevealPersonalData message={received} revealed={original !== null} onRevealed={setOriginal} />}
      <EmailFacts message={message} />
      {articleCards.length > 0 && (
        <ul className="message__cards">
          {articleCards.map((card) => (
            <li key={card.url}><a href={card.url} target="_blank" rel="noopener noreferrer">{card.title}</a></li>
          ))}
        </ul>
      )}
      {attachments.length > 0 && (
        <ul className="message__attachments">
          {attachments.map((file) => (
            <li key={file.url}><a href={file.url} target="_blank" rel="noopener noreferrer" download={file.name}>{file.name}</a> ({formatBytes(file.size, i18n.language)})</li>
          ))}
        </ul>
      )}
    </li>
  );
});
