/**
 * Unsent text per conversation, kept in localStorage: it survives a reload, a lost connection
 * and an expired session (the agent signs in again and finds the draft where it was).
 */
export interface DraftStore {
  get(conversationId: string, mode: DraftMode): string;
  set(conversationId: string, mode: DraftMode, text: string): void;
}

export type DraftMode = 'reply' | 'note';

export function createDraftStore(storage: Storage, scope: string): DraftStore {
  const key = (conversationId: string, mode: DraftMode) => `tandem.draft.${scope}.${conversationId}.${mode}`;
  return {
    get: (conversationId, mode) => storage.getItem(key(conversationId, mode)) ?? '',
    set(conversationId, mode, text) {
      if (text.trim() === '') storage.removeItem(key(conversationId, mode));
      else storage.setItem(key(conversationId, mode), text);
    },
  };
}
