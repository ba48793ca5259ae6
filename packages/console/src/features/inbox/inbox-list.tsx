import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { InboxRow } from '@tandem/protocol';
import { useLive } from '../../live/use-live.ts';
import { FilterBar } from './filter-bar.tsx';
import { InboxRowItem } from './inbox-row-item.tsx';
import type { Filter, Sort } from './views.ts';

const ROW_HEIGHT = 76;

interface InboxListProps {
  rows: InboxRow[];
  selectedId: string | null;
  now: number;
  sort: Sort;
  onSort: (sort: Sort) => void;
  filter: Filter;
  onFilter: ((filter: Filter) => void) | undefined;
  onOpen: (id: string) => void;
}

/** The conversations of the current view. Only the rows on screen are in the DOM (10,000 stay smooth). */
export function InboxList(props: InboxListProps) {
  const { t } = useTranslation();
  const loaded = useLive((s) => s.loaded);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const selectedIndex = props.rows.findIndex((r) => r.conversation.id === props.selectedId);

  // User timing for npm run bench:console: when the first load is on screen.
  useEffect(() => {
    if (loaded) performance.mark('tandem:inbox-ready');
  }, [loaded]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <section className="inbox-list" aria-label={t('inbox.conversations')}>
      <FilterBar sort={props.sort} onSort={props.onSort} filter={props.filter} onFilter={props.onFilter} total={props.rows.length} />
      <div ref={scroller} className="inbox-list__scroller" data-testid="inbox-list">
        {!loaded && <p className="inbox-list__empty" role="status">{t('app.loading')}</p>}
        {loaded && props.rows.length === 0 && <p className="inbox-list__empty">{t('inbox.empty')}</p>}
        <ul role="listbox" aria-label={t('inbox.conversations')} style={{ blockSize: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = props.rows[item.index]!;
            return (
              <InboxRowItem
                key={row.conversation.id}
                row={row}
                now={props.now}
                selected={row.conversation.id === props.selectedId}
                onOpen={props.onOpen}
                style={{ position: 'absolute', insetInlineStart: 0, insetBlockStart: item.start, inlineSize: '100%', blockSize: ROW_HEIGHT }}
              />
            );
          })}
        </ul>
      </div>
    </section>
  );
}
