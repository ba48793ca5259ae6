import { useTranslation } from 'react-i18next';
import type { Handoff } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';

/** What the bot learned before handing off, at the top of the thread, so no one asks again. */
export function HandoffPacketView({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const latest = useResource<{ items: Handoff[] }>(`/conversations/${conversationId}/handoffs`).data?.items[0];
  if (!latest) return null;
  const p = latest.packet;
  const slots = Object.entries(p.slots);
  return (
    <section className="packet" aria-labelledby="packet-title" data-testid="handoff-packet">
      <h3 id="packet-title">{t('packet.title')}</h3>
      {/* The summary is written by the server in English; the facts below are in the agent's language. */}
      <p className="packet__summary" dir="auto" lang="en">{p.summary}</p>
      <dl className="packet__facts">
        <div><dt>{t('packet.reason')}</dt><dd>{i18n.exists(`handoffReason.${p.reason}`) ? t(`handoffReason.${p.reason}`) : p.reason}</dd></div>
        {p.intents.length > 0 && <div><dt>{t('packet.intents')}</dt><dd>{p.intents.map((i) => `${i.intent} (${Math.round(i.confidence * 100)}%)`).join(', ')}</dd></div>}
        {slots.length > 0 && <div><dt>{t('packet.slots')}</dt><dd>{slots.map(([k, v]) => <span key={k} className="chip" dir="auto">{k}: {v}</span>)}</dd></div>}
        {p.articlesShown.length > 0 && (
          <div><dt>{t('packet.articles')}</dt><dd>{p.articlesShown.map((a) => <span key={a.key} className="chip" dir="auto">{a.title}{a.helped === false ? ` — ${t('packet.didNotHelp')}` : ''}</span>)}</dd></div>
        )}
        {p.searches.length > 0 && <div><dt>{t('packet.searches')}</dt><dd dir="auto">{p.searches.join(' · ')}</dd></div>}
        {p.pagesVisited.length > 0 && <div><dt>{t('packet.pages')}</dt><dd>{p.pagesVisited.slice(-5).map((page) => <span key={page.at} className="chip" dir="auto">{page.title ?? page.url}</span>)}</dd></div>}
        {p.segment && <div><dt>{t('packet.segment')}</dt><dd>{p.segment}</dd></div>}
      </dl>
    </section>
  );
}
