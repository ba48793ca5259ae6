import { useTranslation } from 'react-i18next';
import type { Broadcast } from '@tandem/protocol';
import { formatTime } from '../../i18n/formatters.ts';
import { useFormats } from '../analytics/use-formats.ts';

/** What was sent to whom, how, and when. */
export function BroadcastFacts(props: { broadcast: Broadcast }) {
  const { t, i18n } = useTranslation();
  const formats = useFormats();
  const b = props.broadcast;
  const channels = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(b.channels.map((c) => t(`outreachChannel.${c}`)));
  const audience = b.audience.kind === 'segment'
    ? t('broadcast.audienceSegment', { segment: b.audience.segment })
    : b.audience.kind === 'customers' ? t('broadcast.audienceCustomers', { count: b.audience.externalIds.length }) : t('broadcastAudience.all');
  return (
    <dl className="admin-facts">
      <div><dt>{t('broadcast.status')}</dt><dd><span className={`broadcast-status broadcast-status--${b.status}`}>{t(`broadcastStatus.${b.status}`)}</span></dd></div>
      <div><dt>{t('broadcast.purpose')}</dt><dd>{t(`outreachPurpose.${b.purpose}`)}</dd></div>
      <div><dt>{t('broadcast.audience')}</dt><dd><bdi>{audience}</bdi></dd></div>
      <div><dt>{t('broadcast.channels')}</dt><dd>{channels}</dd></div>
      <div><dt>{t('broadcast.scheduledAt')}</dt><dd><time dateTime={b.scheduledAt}>{formatTime(b.scheduledAt, i18n.language)}</time></dd></div>
      {b.finishedAt && <div><dt>{t('broadcast.finishedAt')}</dt><dd><time dateTime={b.finishedAt}>{formatTime(b.finishedAt, i18n.language)}</time></dd></div>}
      <div><dt>{t('broadcast.ratePerMinute')}</dt><dd>{formats.count(b.ratePerMinute)}</dd></div>
    </dl>
  );
}
