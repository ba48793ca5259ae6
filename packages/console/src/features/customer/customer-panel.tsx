import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { CONSENT_PURPOSES } from '@tandem/core';
import type { Conversation, Customer } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { formatTime } from '../../i18n/formatters.ts';
import { isAdmin, useSession } from '../session/session-context.tsx';
import { CustomerDataRights } from './customer-data-rights.tsx';
import { ConversationCsat } from './conversation-csat.tsx';
import { JourneyTimeline } from './journey-timeline.tsx';
import { ContactPreferencesSection } from './contact-preferences.tsx';

/** Who the customer is, across channels: identities, this conversation's survey, attributes, segment, consent, history, journey; for admins, their data rights. */
export function CustomerPanel(props: { customerId: string; currentConversationId: string }) {
  const { t, i18n } = useTranslation();
  const params = useParams<{ view: string }>();
  const { session } = useSession();
  const profile = useResource<Customer>(`/customers/${props.customerId}`);
  const customer = profile.data;
  const service = useResource<{ strategy: string; segments: string[] }>(`/customers/${props.customerId}/service`).data;
  const past = useResource<{ items: Conversation[] }>('/conversations', { customerId: props.customerId, limit: 20 }).data?.items ?? [];
  if (!customer) return <aside className="customer" aria-busy="true" />;
  const attributes = Object.entries(customer.attributes);
  return (
    <aside className="customer" aria-labelledby="customer-title" data-testid="customer-panel">
      <h2 id="customer-title" dir="auto">{customer.name ?? t('customer.anonymous')}</h2>
      <section>
        <h3>{t('customer.identities')}</h3>
        <ul className="customer__list">
          {customer.identities.map((identity) => (
            <li key={identity.id}><span className="chip">{t(`identity.${identity.kind}`)}</span> <span dir="ltr">{identity.value}</span></li>
          ))}
        </ul>
      </section>
      <ConversationCsat conversationId={props.currentConversationId} />
      {service && (
        <section>
          <h3>{t('customer.segment')}</h3>
          <p>{service.segments.length ? service.segments.join(', ') : t('customer.noSegment')} · {t(`strategy.${service.strategy}`)}</p>
        </section>
      )}
      {attributes.length > 0 && (
        <section>
          <h3>{t('customer.attributes')}</h3>
          <dl className="customer__attributes">
            {attributes.map(([key, value]) => <div key={key}><dt>{key}</dt><dd dir="auto">{String(value)}</dd></div>)}
          </dl>
        </section>
      )}
      <section>
        <h3>{t('customer.consent')}</h3>
        <ul className="customer__list">
          {CONSENT_PURPOSES.map((purpose) => <li key={purpose}>{t(`consent.${purpose}`)}: {customer.consent[purpose] ? t('common.yes') : t('common.no')}</li>)}
        </ul>
      </section>
      <ContactPreferencesSection customerId={customer.id} />
      <section>
        <h3>{t('customer.conversations')}</h3>
        <ul className="customer__list">
          {past.map((c) => (
            <li key={c.id} aria-current={c.id === props.currentConversationId ? 'true' : undefined}>
              <Link href={`/inbox/${params.view ?? 'all'}/${c.id}`} dir="auto">{c.subject ?? formatTime(c.createdAt, i18n.language)}</Link>{' '}
              <span className="chip">{t(`status.${c.status}`)}</span> {c.channels.map((ch) => <span key={ch} className="chip">{t(`channel.${ch}`)}</span>)}
            </li>
          ))}
        </ul>
      </section>
      <JourneyTimeline customerId={customer.id} />
      {isAdmin(session) && <CustomerDataRights customer={customer} onErased={profile.reload} />}
    </aside>
  );
}
