import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies `text`; when the clipboard is refused, `select` selects it on screen so the admin can copy it by hand. */
export function CopyButton(props: { text: string; select: () => void; label?: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'copied' | 'selected' | null>(null);
  const select = () => {
    props.select();
    setOutcome('selected');
  };
  const copy = () => {
    // The clipboard API exists only in secure contexts, and the browser may refuse it.
    if (!navigator.clipboard) return select();
    void navigator.clipboard.writeText(props.text).then(() => setOutcome('copied'), select);
  };
  return (
    <>
      <button type="button" className="button" aria-label={props.label} onClick={copy}>{t('admin.copy')}</button>
      <span role="status">{outcome === 'copied' ? t('admin.copied') : outcome === 'selected' ? t('admin.copyManually') : ''}</span>
    </>
  );
}
