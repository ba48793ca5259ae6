import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStatus } from '@tandem/core';
import type { Agent } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { AgentCreateForm } from './agent-create-form.tsx';
import { AgentEditForm } from './agent-edit-form.tsx';
import { AgentAccessActions } from './agent-access-actions.tsx';
import { LoadAlert } from './form-alert.tsx';
import { ROLE_LABELS } from './role-select.tsx';

// The part of GET /routing/agents this screen reads (RoutingAgent in the OpenAPI document).
interface RoutingAgent {
  id: string;
  status: AgentStatus;
}

export function AgentsSection() {
  const { t } = useTranslation();
  const agents = useResource<{ items: Agent[] }>('/agents', { limit: 200 });
  const presence = useResource<{ items: RoutingAgent[] }>('/routing/agents').data?.items;
  const statusOf = new Map(presence?.map((a) => [a.id, a.status]));
  const [editing, setEditing] = useState<Agent | 'new' | null>(null);
  const saved = () => {
    setEditing(null);
    agents.reload();
  };
  return (
    <section className="admin-section">
      <LoadAlert error={agents.error} />
      <table className="table">
        <thead>
          <tr><th>{t('admin.name')}</th><th>{t('admin.email')}</th><th>{t('admin.role')}</th><th>{t('admin.skills')}</th><th>{t('admin.presence')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr>
        </thead>
        <tbody>
          {agents.data?.items.map((a) => {
            const status = statusOf.get(a.id);
            return (
              <tr key={a.id}>
                <td dir="auto">{a.name}</td>
                <td dir="ltr">{a.email}</td>
                <td>{t(ROLE_LABELS[a.role])}</td>
                <td>{a.skills.map((s) => <span key={s} className="chip" dir="auto">{s}</span>)}</td>
                <td>{status ? t(`presence.${status}`) : ''}</td>
                <td><button type="button" className="button button--quiet" aria-label={t('admin.editNamed', { name: a.name })} onClick={() => setEditing(a)}>{t('admin.edit')}</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing === null && <button type="button" className="button button--primary" onClick={() => setEditing('new')}>{t('admin.addAgent')}</button>}
      {editing === 'new' && <AgentCreateForm onSaved={saved} onCancel={() => setEditing(null)} />}
      {editing !== null && editing !== 'new' && (
        <>
          <AgentEditForm key={editing.id} agent={editing} onSaved={saved} onCancel={() => setEditing(null)} />
          <AgentAccessActions key={`access-${editing.id}`} agent={editing} />
        </>
      )}
    </section>
  );
}
