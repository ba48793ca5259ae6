import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Priority } from '@tandem/core';
import type { Agent, InboxRow } from '@tandem/protocol';
import { useSession } from '../session/session-context.tsx';
import { LabelsEditor } from './labels-editor.tsx';
import { TransferForm } from './transfer-form.tsx';
import { useConversationAction } from './use-conversation-action.ts';

/** Assign, transfer, snooze, resolve, priority and labels for the open conversation. */
export function ActionsBar(props: { row: InboxRow; agents: readonly Agent[]; onResolved: () => void }) {
  const { t } = useTranslation();
  const { http, session, live } = useSession();
  const c = props.row.conversation;
  const action = useConversationAction();
  const [panel, setPanel] = useState<'none' | 'transfer' | 'snooze'>('none');
  const patch = (body: object) => action.run(() => http.send('PATCH', `/conversations/${c.id}`, body));
  const mine = c.assigneeId === session.agent.id;

  async function take() {
    const ok = await action.run(() => (c.handler === 'queue' ? http.send('POST', `/conversations/${c.id}/accept`) : http.send('PATCH', `/conversations/${c.id}`, { assigneeId: session.agent.id })));
    if (!ok) void live.refresh([c.id]);
  }

  async function resolve() {
    if (await patch({ status: 'resolved' })) props.onResolved();
  }

  return (
    <div className="actions" data-testid="actions">
      <div className="actions__row">
        {!mine && <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void take()} data-testid="take">{t(c.handler === 'queue' ? 'actions.accept' : 'actions.assignToMe')}</button>}
        <label>
          <span className="visually-hidden">{t('actions.assignee')}</span>
          <select value={c.assigneeId ?? ''} onChange={(e) => void patch({ assigneeId: e.target.value || null })} data-testid="assignee">
            <option value="">{t('actions.unassigned')}</option>
            {props.agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        <button type="button" className="button" aria-expanded={panel === 'transfer'} onClick={() => setPanel(panel === 'transfer' ? 'none' : 'transfer')} data-testid="transfer">{t('actions.transfer')}</button>
        <button type="button" className="button" aria-expanded={panel === 'snooze'} onClick={() => setPanel(panel === 'snooze' ? 'none' : 'snooze')}>{t('actions.snooze')}</button>
        <label>
          <span className="visually-hidden">{t('actions.priority')}</span>
          <select value={c.priority} onChange={(e) => void patch({ priority: e.target.value as Priority })} data-testid="priority">
            {PRIORITIES.map((p) => <option key={p} value={p}>{t(`priority.${p}`)}</option>)}
          </select>
        </label>
        {c.status === 'resolved'
          ? <button type="button" className="button" onClick={() => void patch({ status: 'open' })} data-testid="reopen">{t('actions.reopen')}</button>
          : <button type="button" className="button" disabled={action.busy} onClick={() => void resolve()} data-testid="resolve">{t('actions.resolve')} <kbd>e</kbd></button>}
      </div>
      <LabelsEditor labels={c.labels} onChange={(labels) => patch({ labels })} />
      {panel === 'transfer' && <TransferForm conversationId={c.id} agents={props.agents} run={action.run} onDone={() => setPanel('none')} />}
      {panel === 'snooze' && (
        <form className="actions__panel" onSubmit={(e) => {
          e.preventDefault();
          const until = new Date(String(new FormData(e.currentTarget).get('until')));
          void patch({ status: 'snoozed', snoozedUntil: until.toISOString() }).then((ok) => ok && setPanel('none'));
        }}>
          <label>{t('actions.snoozeUntil')} <input type="datetime-local" name="until" required min={new Date().toISOString().slice(0, 16)} /></label>
          <button className="button">{t('actions.snooze')}</button>
        </form>
      )}
      {action.error && <p className="field-error" role="alert" data-testid="action-error">{action.error}</p>}
    </div>
  );
}
