import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context.tsx';
import { CopyButton } from './copy-button.tsx';
import { Field } from './field.tsx';

/** The line a site pastes to show the widget, with a Copy button (or the text selected when the clipboard is refused). */
export function InstallSnippet() {
  const { t } = useTranslation();
  const { session } = useSession();
  const box = useRef<HTMLTextAreaElement>(null);
  const snippet = `<script src="${window.location.origin}/widget.js" data-workspace="${session.workspace.id}" async></script>`;
  return (
    <div className="form-grid">
      <Field label={t('admin.installSnippet')} path="snippet" problem={null} hint={t('admin.installHint')}>
        {(c) => <textarea {...c} ref={box} className="admin-code" readOnly rows={3} dir="ltr" value={snippet} onFocus={(e) => e.currentTarget.select()} />}
      </Field>
      <div className="admin-row">
        <CopyButton text={snippet} select={() => box.current?.select()} />
      </div>
    </div>
  );
}
