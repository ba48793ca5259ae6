import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { Field } from '../admin/field.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import { FormActions } from '../admin/form-actions.tsx';
import { FormAlert, LoadAlert } from '../admin/form-alert.tsx';
import { readForm } from '../admin/read-form.ts';
import { useSubmit } from '../admin/use-submit.ts';
import { useSession } from '../session/session-context.tsx';
import { normalizeTotpCode } from '../session/totp-code.ts';
import { localizeCodeProblem } from './code-problem.ts';
import { SecretText } from './secret-text.tsx';

interface Setup {
  secret: string;
  otpauthUri: string;
}

const PATHS = ['code'];

/** Set up (a secret to copy into an authenticator app), confirm with a code, or turn off with a code. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const { http } = useSession();
  const me = useResource<{ twoFactorEnabled: boolean }>('/me');
  const [setup, setSetup] = useState<Setup | null>(null);
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const enabled = me.data?.twoFactorEnabled;

  const sendCode = (path: string, code: string) => http.send('POST', path, { code: normalizeTotpCode(code) }).catch(localizeCodeProblem(t));
  const done = (ok: boolean) => {
    if (!ok) return;
    setSetup(null);
    me.reload();
  };

  return (
    <section className="admin-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.twoFactor')}</h2>
      <LoadAlert error={me.error} />
      {enabled !== undefined && <p role="status">{t(enabled ? 'account.twoFactorOn' : 'account.twoFactorOff')}</p>}
      {enabled === false && !setup && (
        <>
          <p>{t('account.twoFactorIntro')}</p>
          <div className="admin-row">
            <button type="button" className="button button--primary" disabled={saving} onClick={() => void submit(async () => setSetup(await http.send<Setup>('POST', '/me/two-factor/setup')))}>
              {t('account.setUp')}
            </button>
          </div>
          <FormAlert problem={problem} paths={[]} />
        </>
      )}
      {enabled === false && setup && (
        <form className="form-grid" aria-labelledby={headingId} onSubmit={(e) => void submit(() => sendCode('/me/two-factor/enable', readForm(e).text('code'))).then(done)}>
          <p>{t('account.setupSteps')}</p>
          <SecretText label={t('account.secret')} copyLabel={t('account.copySecret')} value={setup.secret} />
          <SecretText label={t('account.uri')} copyLabel={t('account.copyUri')} value={setup.otpauthUri} />
          <CodeField problem={problem} />
          <FormAlert problem={problem} paths={PATHS} />
          <FormActions saving={saving} label={t('account.turnOn')} onCancel={() => setSetup(null)} />
        </form>
      )}
      {enabled === true && (
        <form className="form-grid" aria-labelledby={headingId} onSubmit={(e) => void submit(() => sendCode('/me/two-factor/disable', readForm(e).text('code'))).then(done)}>
          <p>{t('account.turnOffHint')}</p>
          <CodeField problem={problem} />
          <FormAlert problem={problem} paths={PATHS} />
          <FormActions saving={saving} label={t('account.turnOff')} />
        </form>
      )}
    </section>
  );
}

function CodeField(props: { problem: FormProblem | null }) {
  const { t } = useTranslation();
  return (
    <Field label={t('account.code')} path="code" problem={props.problem}>
      {(c) => <input {...c} name="code" required autoComplete="one-time-code" inputMode="numeric" maxLength={12} dir="ltr" />}
    </Field>
  );
}
