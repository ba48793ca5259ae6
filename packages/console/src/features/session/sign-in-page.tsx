import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { LanguagePicker } from '../layout/language-picker.tsx';
import type { SessionInfo } from './session-context.tsx';
import { normalizeTotpCode } from './totp-code.ts';

const LAST_WORKSPACE = 'tandem.workspace';

// What each refusal tells the agent; anything else is a generic failure.
const MESSAGES: Record<string, string> = {
  'auth.invalid_credentials': 'signIn.invalid',
  'auth.totp_invalid': 'signIn.codeInvalid',
  'auth.locked': 'signIn.locked',
  'network.offline': 'signIn.offline',
};

export function SignInPage(props: { http: HttpClient; expired: boolean; onSignedIn: (session: SessionInfo) => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Set once the server says this agent uses two-factor: the same form is sent again with the code.
  const [needsCode, setNeedsCode] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      workspace: String(form.get('workspace')).trim(),
      email: String(form.get('email')).trim(),
      password: String(form.get('password')),
      ...(needsCode ? { code: normalizeTotpCode(String(form.get('code') ?? '')) } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const session = await props.http.send<SessionInfo>('POST', '/auth/login', body);
      localStorage.setItem(LAST_WORKSPACE, body.workspace);
      props.onSignedIn(session);
    } catch (failure) {
      const code = failure instanceof ProblemError ? failure.code : 'server.internal';
      if (code === 'auth.totp_required') setNeedsCode(true);
      else setError(t(MESSAGES[code] ?? 'signIn.failed'));
      setBusy(false);
    }
  }

  return (
    <main className="sign-in" dir={i18n.dir()}>
      <form className="sign-in__card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        {props.expired && <p className="notice" role="status">{t('signIn.expired')}</p>}
        <label>
          {t('signIn.workspace')}
          <input name="workspace" required autoComplete="organization" defaultValue={localStorage.getItem(LAST_WORKSPACE) ?? ''} />
        </label>
        <label>
          {t('signIn.email')}
          <input name="email" type="email" required autoComplete="username" dir="ltr" />
        </label>
        <label>
          {t('signIn.password')}
          <input name="password" type="password" required autoComplete="current-password" dir="ltr" />
        </label>
        {needsCode && (
          <>
            <p className="notice" role="status">{t('signIn.codeNeeded')}</p>
            <label>
              {t('signIn.code')}
              <input name="code" required autoFocus autoComplete="one-time-code" inputMode="numeric" maxLength={12} dir="ltr" />
            </label>
          </>
        )}
        {error && <p className="field-error" role="alert">{error}</p>}
        <button type="submit" className="button button--primary" disabled={busy}>{t('signIn.submit')}</button>
        <LanguagePicker />
      </form>
    </main>
  );
}
