import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { LoadAlert } from './form-alert.tsx';
import { TeamForm } from './team-form.tsx';

export function TeamsSection() {
  const { t } = useTranslation();
  const teams = useResource<{ items: Team[] }>('/teams');
  const agents = useResource<{ items: Agent[] }>('/agents', { limit: 200 }).data?.items ?? [];
  const nameOf = new Map(agents.map((a) => [a.id, a.name]));
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const saved = () => {
    setEditing(null);
    teams.reload();
  };
  return (
    <section className="admin-section">
      <LoadAlert error={teams.error} />
      <table className="table">
        <thead><tr><th>{t('admin.name')}</th><th>{t('admin.members')}</th><th>{t('admin.skills')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
        <tbody>
          {teams.data?.items.map((team) => (
            <tr key={team.id}>
              <td dir="auto">{team.name}</td>
              <td>{team.agentIds.map((id) => <span key={id} className="chip" dir="auto">{nameOf.get(id) ?? id}</span>)}</td>
              <td>{team.skills.map((s) => <span key={s} className="chip" dir="auto">{s}</span>)}</td>
              <td><button type="button" className="button button--quiet" aria-label={t('admin.editNamed', { name: team.name })} onClick={() => setEditing(team)}>{t('admin.edit')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing === null && <button type="button" className="button button--primary" onClick={() => setEditing('new')}>{t('admin.addTeam')}</button>}
      {editing !== null && (
        <TeamForm key={editing === 'new' ? 'new' : editing.id} team={editing === 'new' ? undefined : editing} agents={agents} onSaved={saved} onCancel={() => setEditing(null)} />
      )}
    </section>
  );
}
