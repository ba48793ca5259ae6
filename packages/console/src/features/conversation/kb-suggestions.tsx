import { useTranslation } from 'react-i18next';
import { isLocale } from '../../i18n/console-i18n.ts';
import type { ArticleHits, InboxRow } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { useLive } from '../../live/use-live.ts';
import { useSession } from '../session/session-context.tsx';
import type { ComposerHandle } from './composer.tsx';

/** Help-center articles matching the customer's last message, to send as a link or as text. */
export function KbSuggestions(props: { row: InboxRow; composer: () => ComposerHandle | null }) {
  const { t, i18n } = useTranslation();
  const { live } = useSession();
  const { conversation } = props.row;
  useLive((s) => s.threadsVersion);
  const lastAsked = live.cachedThread(conversation.id)?.findLast((m) => m.author === 'customer' && !m.private);
  const q = (lastAsked?.body ?? conversation.subject ?? '').slice(0, 200).trim();
  const locale = isLocale(conversation.language) ? conversation.language : isLocale(i18n.language) ? i18n.language : 'en';
  const hits = useResource<ArticleHits>(q ? '/kb/search' : null, { q, locale, limit: 3 }).data?.items ?? [];
  if (hits.length === 0) return null;
  return (
    <section className="kb-suggestions" aria-labelledby="kb-title" data-testid="kb-suggestions">
      <h3 id="kb-title">{t('kb.suggested')}</h3>
      <ul>
        {hits.map((hit) => {
          const url = new URL(hit.url, window.location.origin).href;
          return (
            <li key={hit.articleId}>
              <a href={url} target="_blank" rel="noopener noreferrer" dir="auto">{hit.title}</a>
              <button type="button" className="button button--quiet" data-testid="kb-insert-link" onClick={() => props.composer()?.insert(`[${hit.title}](${url})`, { title: hit.title, url })}>{t('kb.insertLink')}</button>
              <button type="button" className="button button--quiet" onClick={() => props.composer()?.insert(hit.summary)}>{t('kb.insertText')}</button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
