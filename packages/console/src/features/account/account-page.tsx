import { useTranslation } from 'react-i18next';
import { TopBar } from '../layout/top-bar.tsx';
import { ApiTokensSection } from './api-tokens-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';
import './account.css';

/** The signed-in agent's own security settings; every agent has this screen, whatever their role. */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  return (
    <div className="console">
      <TopBar />
      <main className="account" aria-labelledby="account-title" dir={i18n.dir()}>
        <h1 id="account-title">{t('account.title')}</h1>
        <TwoFactorSection />
        <ApiTokensSection />
        <SessionsSection />
      </main>
    </div>
  );
}
