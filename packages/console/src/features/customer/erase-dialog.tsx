import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const REMOVED = ['removesConversations', 'removesFiles', 'removesIdentities', 'removesJourney', 'removesTraining'] as const;

/** Asks before an erasure, naming what goes and what stays; Escape or Cancel closes it. */
export function EraseDialog(props: { name: string; busy: boolean; problem: string | null; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={props.onCancel}>
      <h2 id={titleId} dir="auto">{t('dataRights.eraseTitle', { name: props.name })}</h2>
      <p>{t('dataRights.eraseIntro')}</p>
      <ul>{REMOVED.map((key) => <li key={key}>{t(`dataRights.${key}`)}</li>)}</ul>
      <p className="field__hint">{t('dataRights.keeps')}</p>
      {props.problem && <p className="field-error" role="alert">{t('dataRights.requestFailed', { detail: props.problem })}</p>}
      <div className="admin-row">
        <button type="button" className="button button--primary" disabled={props.busy} onClick={props.onConfirm}>{t('dataRights.confirm')}</button>
        <button type="button" className="button button--quiet" autoFocus onClick={props.onCancel}>{t('dataRights.cancel')}</button>
      </div>
    </dialog>
  );
}
