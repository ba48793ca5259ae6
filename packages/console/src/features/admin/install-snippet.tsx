import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context.tsx';
import { Field } from './field.tsx';

/** The line a site pastes to show the widget, with a Copy button (or the text selected when the clipboard is refused). */
export function InstallSnippet() {
  const { t } = useTranslation();
  const { session } = useSession();
  const box = useRef<HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<'copied' | 'selected' | null>(null);
  const snippet = `<script src="${window.location.origin}/widget.js" data-workspace="${session.workspace.id}" async></script>`;
  const select = () => {
    box.current?.select();
    setOutcome('selected');
  };
  const copy = () => {
    // The clipboard API exists only in secure contexts, and the browser may refuse it.
    if (!navigator.clipboard) return select();
    void navigator.clipboard.writeText(snippet).then(() => setOutcome('copied'), select);
  };
  return (
    <div className="form-grid">
      <Field label={t('admin.installSnippet')} path="snippet" problem={null} hint={t('admin.installHint')}>
        {(c) => <textarea {...c} ref={box} className="admin-code" readOnly rows={3} dir="ltr" value={snippet} onFocus={(e) => e.currentTarget.select()} />}
      </Field>
      <div className="admin-row">
        <button type="button" className="button" onClick={copy}>{t('admin.copy')}</button>
        <span role="status">{outcome === 'copied' ? t('admin.copied') : outcome === 'selected' ? t('admin.copyManually') : ''}</span>
      </div>
    </div>
  );
}
