import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { LoadAlert } from './form-alert.tsx';
import type { QueuePolicy } from './queue-policy.ts';

/** Picks a team and loads its queue policy; `children` edits it and calls `reload` once saved. */
export function TeamPolicyPicker(props: { children: (policy: QueuePolicy, reload: () => void) => ReactNode }) {
  const { t } = useTranslation();
  const teams = useResource<{ items: Team[] }>('/teams');
  const [chosen, setChosen] = useState<string | null>(null);
  const teamId = chosen ?? teams.data?.items[0]?.id ?? null;
  const policy = useResource<QueuePolicy>(teamId && `/teams/${teamId}/queue-policy`);
  if (teams.data?.items.length === 0) return <p className="notice">{t('admin.noTeams')}</p>;
  return (
    <section className="admin-section">
      <LoadAlert error={teams.error} />
      <label className="admin-row">
        {t('admin.team')}
        <select value={teamId ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {teams.data?.items.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
      </label>
      <LoadAlert error={policy.error} />
      {policy.data && <Fragment key={policy.data.teamId}>{props.children(policy.data, policy.reload)}</Fragment>}
    </section>
  );
}
