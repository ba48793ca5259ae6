import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';

// Loaded when an admin opens it: agents never download the broadcast screens.
const BroadcastsPage = lazy(() => import('./broadcasts-page.tsx').then((m) => ({ default: m.BroadcastsPage })));

export function BroadcastsRoute() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="boot" role="status">{t('app.loading')}</p>}>
      <BroadcastsPage />
    </Suspense>
  );
}
