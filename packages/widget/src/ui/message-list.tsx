import { useEffect, useRef } from 'preact/hooks';
import { formatDay } from '../i18n/formatters.ts';
import { isWaitingForPerson, queueStanding, timeline, typingName } from '../state/widget.selectors.ts';
import { MessageGroupView } from './message-group.tsx';
import { PrechatChoices } from './prechat-choices.tsx';
import { groupTimeline } from './message-grouping.ts';
import { useWidget } from './widget-context.ts';

/** The conversation log, newest at the bottom, with who is typing and whether a person is on the way. */
export function MessageList() {
  const { state, t, locale } = useWidget();
  const items = timeline(state);
  const blocks = groupTimeline(items);
  const latestKey = items[items.length - 1]?.key ?? null;
  const typing = typingName(state);
  const isWaiting = isWaitingForPerson(state);
  const standing = queueStanding(state);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Scroll our own container only: scrollIntoView could scroll the host page as well.
    const scroller = endRef.current?.parentElement;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [items.length, typing !== null, isWaiting]);

  return (
    <>
      <div class="log" role="log" aria-live="polite" aria-label={t('conversation.label')} data-testid="tandem-messages">
        {blocks.length === 0 ? <p class="empty">{t('conversation.empty')}</p> : null}
        {blocks.map((block) =>
          block.kind === 'divider' ? (
            <p key={block.key} class="divider">
              {t('conversation.startedOn', { date: formatDay(block.startedAt, locale) })}
            </p>
          ) : (
            <MessageGroupView key={block.key} group={block} latestKey={latestKey} />
          ),
        )}
        {isWaiting ? (
          <p class="waiting" data-testid="tandem-waiting">
            {t('conversation.waiting')}
            {standing?.position != null ? ` ${t('conversation.queuePosition', { count: standing.position })}` : ''}
            {standing?.minutes != null ? ` ${t('conversation.expectedWait', { count: standing.minutes })}` : ''}
          </p>
        ) : null}
      </div>
      {blocks.length === 0 && !state.activeConversationId ? <PrechatChoices /> : null}
      {typing ? (
        <p class="typing section" data-testid="tandem-typing" aria-live="polite">
          {typing.name ? t('conversation.typingNamed', { name: typing.name }) : t('conversation.typing')}
        </p>
      ) : null}
      <div ref={endRef} />
    </>
  );
}
