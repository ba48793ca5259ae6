import { useTranslation } from 'react-i18next';
import type { Broadcast } from '@tandem/protocol';
import { useFormats } from '../analytics/use-formats.ts';
import { RECIPIENT_STATUSES, totalOf } from './broadcast-statuses.ts';

/** How many recipients are at each step, every status shown (zero too) so the figures do not jump while it sends. */
export function RecipientCounts(props: { counts: Broadcast['counts'] }) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <dl className="broadcast-tiles" aria-label={t('broadcast.counts')}>
      <div><dt>{t('broadcast.total')}</dt><dd>{formats.count(totalOf(props.counts))}</dd></div>
      {RECIPIENT_STATUSES.map((status) => (
        <div key={status} className={`broadcast-tile--${status}`}><dt>{t(`recipientStatus.${status}`)}</dt><dd>{formats.count(props.counts[status] ?? 0)}</dd></div>
      ))}
    </dl>
  );
}
