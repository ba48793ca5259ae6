import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';

// The dashboard and its charting library load only when an admin opens it, so the inbox's
// first load stays as small as it was.
const AnalyticsPage = lazy(() => import('./analytics-page.tsx').then((m) => ({ default: m.AnalyticsPage })));

export function AnalyticsRoute() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="boot" role="status">{t('app.loading')}</p>}>
      <AnalyticsPage />
    </Suspense>
  );
}
