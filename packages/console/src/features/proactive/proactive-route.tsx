import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';

// Loaded when an admin opens it: agents never download the rule editor.
const ProactivePage = lazy(() => import('./proactive-page.tsx').then((m) => ({ default: m.ProactivePage })));

export function ProactiveRoute() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="boot" role="status">{t('app.loading')}</p>}>
      <ProactivePage />
    </Suspense>
  );
}
