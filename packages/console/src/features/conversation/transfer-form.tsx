import { useTranslation } from 'react-i18next';
import type { Agent } from '@tandem/protocol';
import { useDirectory } from '../../live/directory.ts';
import { useSession } from '../session/session-context.tsx';

/** Passes the conversation to a team and/or an agent, with a private note for them. */
export function TransferForm(props: { conversationId: string; agents: readonly Agent[]; run: (action: () => Promise<unknown>) => Promise<boolean>; onDone: () => void }) {
  const { t } = useTranslation();
  const { http, session } = useSession();
  const teams = useDirectory('teams');
  return (
    <form
      className="actions__panel"
      data-testid="transfer-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const teamId = String(form.get('teamId') ?? '') || undefined;
        const agentId = String(form.get('agentId') ?? '') || undefined;
        const note = String(form.get('note') ?? '').trim() || undefined;
        void props.run(() => http.send('POST', `/conversations/${props.conversationId}/transfer`, { teamId, agentId, note })).then((ok) => ok && props.onDone());
      }}
    >
      <label>{t('transfer.team')}
        <select name="teamId" defaultValue="">
          <option value="">—</option>
          {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
      </label>
      <label>{t('transfer.agent')}
        <select name="agentId" defaultValue="" data-testid="transfer-agent">
          <option value="">—</option>
          {props.agents.filter((a) => a.id !== session.agent.id).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </label>
      <label>{t('transfer.note')}<textarea name="note" maxLength={2000} rows={2} dir="auto" data-testid="transfer-note" /></label>
      <button className="button button--primary" data-testid="transfer-submit">{t('actions.transfer')}</button>
    </form>
  );
}
