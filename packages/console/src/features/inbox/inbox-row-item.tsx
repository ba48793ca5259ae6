import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxRow } from '@tandem/protocol';
import { formatAge } from '../../i18n/formatters.ts';
import { isUnread, slaStateOf } from './views.ts';

interface Props {
  row: InboxRow;
  now: number;
  selected: boolean;
  onOpen: (id: string) => void;
  style: CSSProperties;
}

export const InboxRowItem = memo(function InboxRowItem({ row, now, selected, onOpen, style }: Props) {
  const { t, i18n } = useTranslation();
  const c = row.conversation;
  const sla = slaStateOf(row, now);
  const unread = isUnread(row);
  return (
    <li
      role="option"
      aria-selected={selected}
      style={style}
      className={`row${selected ? ' row--selected' : ''}${unread ? ' row--unread' : ''}`}
      data-testid="inbox-row"
      data-conversation-id={c.id}
      onClick={() => onOpen(c.id)}
    >
      <div className="row__top">
        <span className="row__name">{row.customer.name ?? row.customer.email ?? t('customer.anonymous')}</span>
        {c.lastChannel && <span className="chip">{t(`channel.${c.lastChannel}`)}</span>}
        {c.priority !== 'normal' && <span className={`chip chip--${c.priority}`}>{t(`priority.${c.priority}`)}</span>}
        {sla !== 'none' && sla !== 'on-track' && (
          <span className={`chip chip--sla-${sla}`} data-testid="sla-badge">
            {sla === 'breached' ? t('sla.breached') : t('sla.dueIn', { time: formatAge(Date.parse(row.slaDueAt!) - now, i18n.language) })}
          </span>
        )}
      </div>
      <p className="row__preview" dir="auto">
        {row.preview ? `${row.preview.private ? `${t('message.note')}: ` : ''}${row.preview.body}` : (c.subject ?? '')}
      </p>
      <div className="row__meta">
        {row.waitingSince && <span className="row__waiting">{t('inbox.waiting', { time: formatAge(now - Date.parse(row.waitingSince), i18n.language) })}</span>}
        {c.status !== 'open' && <span className="chip">{t(`status.${c.status}`)}</span>}
        {c.labels.map((label) => <span key={label} className="chip chip--label">{label}</span>)}
        {unread && <span className="visually-hidden">{t('inbox.unreadOne')}</span>}
      </div>
    </li>
  );
});
