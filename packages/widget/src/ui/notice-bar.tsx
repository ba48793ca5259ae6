import { guard } from '../report-error.ts';
import { useWidget } from './widget-context.ts';
import { CloseIcon } from './widget-icons.tsx';

/** Errors (role=alert), confirmations and the offline banner (role=status). */
export function NoticeBar() {
  const { controller, state, t } = useWidget();
  const { error, info } = state;
  return (
    <>
      {state.connection === 'offline' ? (
        <div class="notice offline" role="status" data-testid="tandem-offline">
          <p>{t('offline.banner')}</p>
        </div>
      ) : null}
      {error ? (
        <div class="notice error" role="alert" data-testid="tandem-error">
          <p>{t(error.key, error.params)}</p>
          <button type="button" class="close" aria-label={t('error.dismiss')} onClick={guard('dismiss', () => controller.dismiss('error'))}>
            <CloseIcon />
          </button>
        </div>
      ) : null}
      {info ? (
        <div class="notice info" role="status" data-testid="tandem-info">
          <p>{t(info.key, info.params)}</p>
          <button type="button" class="close" aria-label={t('error.dismiss')} onClick={guard('dismiss', () => controller.dismiss('info'))}>
            <CloseIcon />
          </button>
        </div>
      ) : null}
    </>
  );
}
