import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { canUpload, checkUpload } from '../app/upload-policy.ts';
import { formatBytes } from '../i18n/formatters.ts';
import { guard } from '../report-error.ts';
import { useWidget } from './widget-context.ts';
import { AttachIcon, FileIcon, SendIcon } from './widget-icons.tsx';

const MAX_TEXTAREA_PX = 120;

/**
 * Enter sends, Shift+Enter breaks the line; the draft lives in the store, so it survives
 * reloads. A chosen file is checked, uploaded and sent at once, with the draft as its caption.
 */
export function ComposerForm(props: { textareaRef: RefObject<HTMLTextAreaElement | null> }) {
  const { controller, state, t, locale } = useWidget();
  const [isSending, setIsSending] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const uploads = state.config?.uploads;

  const send = async (file: File | null) => {
    setIsSending(true);
    try {
      if (await controller.composer.send(state.draft, file) && props.textareaRef.current) props.textareaRef.current.style.height = '';
    } finally {
      setIsSending(false);
    }
  };

  const submit = guard('send', async () => {
    if (isSending) return;
    await send(null);
    props.textareaRef.current?.focus();
  });

  const onFile = guard('attach', async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen || !uploads) return;
    const problem = checkUpload(chosen, uploads, (bytes) => formatBytes(bytes, locale));
    if (problem) return controller.store.dispatch({ type: 'notice.shown', slot: 'error', notice: problem });
    setUploading(chosen.name);
    try {
      await send(chosen);
    } finally {
      setUploading(null);
    }
  });

  const onInput = guard('draft', (event: Event) => {
    const textarea = event.currentTarget as HTMLTextAreaElement;
    controller.composer.setDraft(textarea.value);
    controller.composer.noteTyping();
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, MAX_TEXTAREA_PX)}px`;
  });

  const onKeyDown = (event: KeyboardEvent) => {
    // Vietnamese and Persian input methods use Enter to commit a composition: never send then.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    submit();
  };

  return (
    <>
      {uploading ? (
        <div class="pending-file" role="status">
          <FileIcon />
          <span>{t('composer.uploading', { name: uploading })}</span>
        </div>
      ) : null}
      <form
        class="composer"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {canUpload(uploads) ? (
          <>
            <input
              ref={fileRef}
              type="file"
              class="sr-only"
              tabIndex={-1}
              aria-label={t('composer.attach')}
              accept={uploads?.types.join(',')}
              data-testid="tandem-file"
              onChange={onFile}
            />
            <button
              type="button"
              class="icon-button"
              aria-label={t('composer.attach')}
              disabled={uploading !== null}
              onClick={() => fileRef.current?.click()}
            >
              <AttachIcon />
            </button>
          </>
        ) : null}
        <textarea
          ref={props.textareaRef}
          rows={1}
          value={state.draft}
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          data-testid="tandem-composer"
          onInput={onInput}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          class="icon-button send"
          aria-label={t('composer.send')}
          data-testid="tandem-send"
          disabled={isSending || state.draft.trim() === ''}
        >
          <SendIcon />
        </button>
      </form>
    </>
  );
}
