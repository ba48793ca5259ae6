import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { formatTime } from '../../i18n/formatters.ts';

const DETAIL_FIELDS = ['title', 'query', 'name', 'item', 'guide', 'reason', 'channel', 'url', 'key'] as const;

/** One line of what the event was about, from whichever field it carries. */
export function describeEvent(event: TimelineEvent): string {
  const data = event.data;
  if (event.type === 'purchase.made' && data.amount !== undefined) return [data.item, data.amount, data.currency].filter((v) => v !== undefined).join(' ');
  if (event.type === 'csat.given' && data.score !== undefined) return `${String(data.score)}${typeof data.comment === 'string' ? ` — ${data.comment}` : ''}`;
  for (const field of DETAIL_FIELDS) if (typeof data[field] === 'string' && data[field]) return data[field];
  return '';
}

/** Pages, searches, articles, guides, bot sessions, purchases and CSAT, newest first, across channels. */
export function JourneyTimeline({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const events = useResource<{ items: TimelineEvent[] }>(`/customers/${customerId}/timeline`, { limit: 50 }).data?.items ?? [];
  return (
    <section data-testid="journey">
      <h3>{t('customer.journey')}</h3>
      {events.length === 0 ? <p>{t('customer.noJourney')}</p> : (
        <ol className="journey">
          {events.map((event) => (
            <li key={event.id} data-type={event.type}>
              <time dateTime={event.occurredAt}>{formatTime(event.occurredAt, i18n.language)}</time>
              <span className="journey__type">{t(`timeline.${event.type.replace('.', '_')}`)}</span>
              <span className="journey__detail" dir="auto">{describeEvent(event)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
