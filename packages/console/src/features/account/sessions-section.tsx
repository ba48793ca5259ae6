import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../admin/form-alert.tsx';
import { useSubmit } from '../admin/use-submit.ts';
import { useSession } from '../session/session-context.tsx';

/** Ends every other session of this agent (after a lost laptop or a suspected compromise). */
export function SessionsSection() {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const [revoked, setRevoked] = useState<number | null>(null);
  const headingId = useId();
  const revokeOthers = () =>
    void submit(async () => setRevoked((await http.send<{ revoked: number }>('POST', '/auth/sessions/revoke-others')).revoked));
  return (
    <section className="admin-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.sessions')}</h2>
      <p>{t('account.sessionsIntro')}</p>
      <div className="admin-row">
        <button type="button" className="button" disabled={saving} onClick={revokeOthers}>{t('account.revokeOthers')}</button>
        <span role="status">{revoked === null ? '' : t('account.revokedOthers', { count: revoked })}</span>
      </div>
      <FormAlert problem={problem} paths={[]} />
    </section>
  );
}
