import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { createHttpClient } from './api/http-client.ts';
import { SignInPage } from './features/session/sign-in-page.tsx';
import type { SessionInfo } from './features/session/session-context.tsx';
import { SignedIn } from './features/session/signed-in.tsx';

type Auth = { state: 'checking' } | { state: 'signed-out'; expired: boolean } | { state: 'signed-in'; session: SessionInfo };

/** Checks the session cookie once, then shows sign-in or the console. An expired session returns here. */
export function App() {
  const { t } = useTranslation();
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });
  const [location, navigate] = useLocation();
  const expire = useCallback(() => setAuth((current) => (current.state === 'signed-in' ? { state: 'signed-out', expired: true } : current)), []);
  const http = useMemo(() => createHttpClient({ onUnauthenticated: expire }), [expire]);

  useEffect(() => {
    http.get<SessionInfo>('/me').then(
      (session) => setAuth({ state: 'signed-in', session }),
      () => setAuth({ state: 'signed-out', expired: false }),
    );
  }, [http]);

  if (auth.state === 'checking') return <p className="boot" role="status">{t('app.loading')}</p>;
  if (auth.state === 'signed-out') {
    const returnTo = location === '/login' ? '/inbox/mine' : location;
    return (
      <SignInPage
        http={http}
        expired={auth.expired}
        onSignedIn={(session) => {
          setAuth({ state: 'signed-in', session });
          navigate(returnTo, { replace: true });
        }}
      />
    );
  }
  return (
    <SignedIn
      session={auth.session}
      http={http}
      onSignedOut={() => {
        setAuth({ state: 'signed-out', expired: false });
        navigate('/login', { replace: true });
      }}
    />
  );
}
