import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';

// Loaded when an admin opens it: agents never download the feedback inbox.
const FeedbackPage = lazy(() => import('./feedback-page.tsx').then((m) => ({ default: m.FeedbackPage })));

export function FeedbackRoute() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="boot" role="status">{t('app.loading')}</p>}>
      <FeedbackPage />
    </Suspense>
  );
}
