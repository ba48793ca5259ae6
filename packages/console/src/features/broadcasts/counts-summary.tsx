import { useTranslation } from 'react-i18next';
import type { Broadcast } from '@tandem/protocol';
import { useFormats } from '../analytics/use-formats.ts';
import { RECIPIENT_STATUSES } from './broadcast-statuses.ts';

/** The statuses that have recipients, in a line for the list: "Delivered 120 · Failed 3". */
export function CountsSummary(props: { counts: Broadcast['counts'] }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const present = RECIPIENT_STATUSES.filter((status) => (props.counts[status] ?? 0) > 0);
  if (present.length === 0) return <span className="broadcast-muted">{t('broadcast.noRecipientsYet')}</span>;
  return <>{present.map((status) => t('broadcast.countOf', { status: t(`recipientStatus.${status}`), value: formats.count(props.counts[status] ?? 0) })).join(' · ')}</>;
}
