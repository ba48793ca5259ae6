import { guard, reportError } from '../report-error.ts';
import { isApiError } from '../transport/api-error.ts';
import type { WidgetApi } from '../transport/widget-api.ts';
import { MESSAGE_MAX_CHARS, type AttachmentMeta, type OutgoingFrame } from '../transport/wire-types.ts';
import type { Notice, OutboxItem, PrechatChoice } from '../state/widget-state.ts';
import type { WidgetStore } from '../state/widget.store.ts';
import { newIdempotencyKey } from './idempotency-key.ts';
import { checkUpload } from './upload-policy.ts';

export type ComposerActions = {
  /** Queues the message (uploading the file first); false when nothing was queued. */
  send(text: string, file?: File | null): Promise<boolean>;
  retry(idempotencyKey: string): void;
  discard(idempotencyKey: string): void;
  setDraft(text: string): void;
  noteTyping(): void;
};

/** The pre-chat choice as the server takes it: only what was picked. */
function startOf(prechat: PrechatChoice): OutboxItem['start'] | null {
  const start = { ...(prechat.topic ? { topic: prechat.topic } : {}), ...(prechat.with ? { with: prechat.with } : {}) };
  return Object.keys(start).length ? start : null;
}

// Re-announce typing while it lasts; say it stopped after a pause (the agent sees it expire anyway).
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 4_000;

export function createComposerActions(deps: {
  store: WidgetStore;
  api: WidgetApi;
  ensureSession: () => Promise<string | null>;
  sendPending: () => void;
  sendFrame: (frame: OutgoingFrame) => boolean;
  formatSize: (bytes: number) => string;
}): ComposerActions {
  const { store } = deps;
  let lastTypingAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const showError = (notice: Notice) => store.dispatch({ type: 'notice.shown', slot: 'error', notice });

  const stopTyping = () => {
    clearTimeout(idleTimer);
    const conversationId = store.getState().activeConversationId;
    if (lastTypingAt > 0 && conversationId) deps.sendFrame({ type: 'typing', conversationId, typing: false });
    lastTypingAt = 0;
  };

  const upload = async (file: File): Promise<AttachmentMeta | null> => {
    const uploads = store.getState().config?.uploads;
    const problem = uploads ? checkUpload(file, uploads, deps.formatSize) : { key: 'upload.failed' };
    if (problem) {
      showError(problem);
      return null;
    }
    try {
      await deps.ensureSession();
      return await deps.api.upload(file);
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (error.code === 'upload.too_large') showError({ key: 'upload.tooLarge', params: { name: file.name, max: deps.formatSize(uploads?.maxBytes ?? 0) } });
      else if (error.code === 'upload.type_not_allowed') showError({ key: 'upload.typeNotAllowed', params: { name: file.name } });
      else {
        reportError('upload', error);
        showError({ key: 'upload.failed' });
      }
      return null;
    }
  };

  return {
    async send(text, file) {
      const body = text.trim();
      if (!body && !file) return false;
      if (body.length > MESSAGE_MAX_CHARS) {
        showError({ key: 'composer.tooLong', params: { max: MESSAGE_MAX_CHARS } });
        return false;
      }
      const attachments: AttachmentMeta[] = [];
      if (file) {
        const meta = await upload(file);
        if (!meta) return false;
        attachments.push(meta);
      }
      const { activeConversationId, prechat } = store.getState();
      const start = activeConversationId ? null : startOf(prechat);
      store.dispatch({
        type: 'message.queued',
        item: {
          idempotencyKey: newIdempotencyKey(),
          conversationId: activeConversationId,
          ...(start ? { start } : {}),
          // The body must not be empty: a file sent alone is announced by its name.
          body: body || (file?.name ?? ''),
          attachments,
          createdAt: new Date().toISOString(),
          status: 'queued',
          error: null,
        },
      });
      store.dispatch({ type: 'draft.changed', draft: '' });
      store.dispatch({ type: 'notice.shown', slot: 'error', notice: null });
      stopTyping();
      deps.sendPending();
      return true;
    },
    retry(idempotencyKey) {
      store.dispatch({ type: 'message.retried', idempotencyKey });
      deps.sendPending();
    },
    discard: (idempotencyKey) => store.dispatch({ type: 'message.discarded', idempotencyKey }),
    setDraft: (draft) => store.dispatch({ type: 'draft.changed', draft }),
    noteTyping() {
      const conversationId = store.getState().activeConversationId;
      if (!conversationId) return;
      const now = Date.now();
      if (now - lastTypingAt >= TYPING_REPEAT_MS && deps.sendFrame({ type: 'typing', conversationId, typing: true })) lastTypingAt = now;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(guard('typing idle', stopTyping), TYPING_IDLE_MS);
    },
  };
}
