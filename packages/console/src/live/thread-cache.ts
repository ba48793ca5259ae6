import type { Message } from '@tandem/protocol';
import type { HttpClient } from '../api/http-client.ts';

/** Messages of recently opened conversations, so switching back is instant. Least recently used goes first. */
export interface ThreadCache {
  get(conversationId: string): readonly Message[] | undefined;
  put(conversationId: string, messages: readonly Message[]): void;
  /** Adds a live message to a cached thread, or replaces it (its delivery status moved); false when the thread is not cached. */
  append(message: Message): boolean;
}

export function createThreadCache(capacity = 30): ThreadCache {
  const threads = new Map<string, readonly Message[]>();
  const touch = (id: string, messages: readonly Message[]) => {
    threads.delete(id);
    threads.set(id, messages);
    if (threads.size > capacity) threads.delete(threads.keys().next().value as string);
  };
  return {
    get(id) {
      const messages = threads.get(id);
      if (messages) touch(id, messages);
      return messages;
    },
    put: touch,
    append(message) {
      const current = threads.get(message.conversationId);
      if (!current) return false;
      const next = current.some((m) => m.id === message.id)
        ? current.map((m) => (m.id === message.id ? message : m))
        : [...current, message].sort((a, b) => a.seq - b.seq);
      threads.set(message.conversationId, next);
      return true;
    },
  };
}

/** Every message of a conversation, oldest first, in pages of 500. */
export async function fetchThread(http: HttpClient, conversationId: string): Promise<Message[]> {
  const messages: Message[] = [];
  for (let afterSeq = 0; ; ) {
    const page = await http.get<{ items: Message[]; hasMore: boolean }>(`/conversations/${conversationId}/messages`, { afterSeq, limit: 500 });
    messages.push(...page.items);
    if (!page.hasMore || page.items.length === 0) return messages;
    afterSeq = page.items[page.items.length - 1]!.seq;
  }
}
