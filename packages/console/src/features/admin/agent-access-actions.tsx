import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '@tandem/protocol';
import { useSession } from '../session/session-context.tsx';
import { FormAlert } from './form-alert.tsx';
import { useSubmit } from './use-submit.ts';

const ACTIONS = [
  { path: 'unlock', label: 'admin.unlock', done: 'admin.unlocked' },
  { path: 'two-factor/reset', label: 'admin.resetTwoFactor', done: 'admin.twoFactorReset' },
] as const;

/** For a colleague who cannot sign in: lift a lockout, or turn off a lost two-factor device (audited). */
export function AgentAccessActions(props: { agent: Agent }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const run = (action: (typeof ACTIONS)[number]) => {
    setDone(null);
    void submit(() => http.send('POST', `/agents/${props.agent.id}/${action.path}`)).then((ok) => ok && setDone(t(action.done)));
  };
  return (
    <section aria-labelledby={`sign-in-help-${props.agent.id}`}>
      <h3 id={`sign-in-help-${props.agent.id}`}>{t('admin.signInHelp')}</h3>
      {ACTIONS.map((action) => (
        <button key={action.path} type="button" className="button" disabled={saving} onClick={() => run(action)}>{t(action.label)}</button>
      ))}
      {done && <p role="status">{done}</p>}
      <FormAlert problem={problem} paths={[]} />
    </section>
  );
}
