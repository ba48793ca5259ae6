import { useTranslation } from 'react-i18next';

/** A form's submit (disabled while it saves) and, when the form can be closed, Cancel. */
export function FormActions(props: { saving: boolean; label: string; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="admin-row">
      <button type="submit" className="button button--primary" disabled={props.saving}>{props.saving ? t('admin.saving') : props.label}</button>
      {props.onCancel && <button type="button" className="button button--quiet" onClick={props.onCancel}>{t('admin.cancel')}</button>}
    </div>
  );
}
