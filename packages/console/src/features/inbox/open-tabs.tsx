import { useTranslation } from 'react-i18next';
import { useLive } from '../../live/use-live.ts';
import { isUnread } from './views.ts';

/** The conversations this agent has open, to switch between many at once. */
export function OpenTabs(props: { tabs: string[]; selectedId: string | null; onOpen: (id: string) => void; onClose: (id: string) => void }) {
  const { t } = useTranslation();
  const rows = useLive((s) => s.inbox.rows);
  if (props.tabs.length < 2) return null;
  return (
    <div className="tabs" role="tablist" aria-label={t('inbox.openConversations')}>
      {props.tabs.map((id) => {
        const row = rows.get(id);
        const selected = id === props.selectedId;
        return (
          <div key={id} className={`tab${selected ? ' tab--selected' : ''}${row && isUnread(row) ? ' tab--unread' : ''}`}>
            <button type="button" role="tab" aria-selected={selected} onClick={() => props.onOpen(id)}>
              {row?.customer.name ?? t('customer.anonymous')}
            </button>
            <button type="button" className="tab__close" aria-label={t('common.close')} onClick={() => props.onClose(id)}>×</button>
          </div>
        );
      })}
    </div>
  );
}
