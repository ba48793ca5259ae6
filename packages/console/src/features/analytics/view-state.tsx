import { useTranslation } from 'react-i18next';
import type { ProblemError } from '../../api/http-client.ts';
import { LoadAlert } from '../admin/form-alert.tsx';

/** What a view shows until its data is there: the server's problem, or that it is loading. */
export function ViewState(props: { error: ProblemError | null }) {
  const { t } = useTranslation();
  if (props.error) return <LoadAlert error={props.error} />;
  return <p className="analytics__status" role="status">{t('app.loading')}</p>;
}
