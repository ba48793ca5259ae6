import type { KeyValueStorage } from '../state/safe-storage.ts';

/** What the server accepts as a proactive session id. */
const SESSION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * This tab's session id: the unit of the proactive per-session cap. Kept in sessionStorage, so
 * it lasts across the page loads of a tab and ends with it; `storage` falls back to memory
 * (one page view) where sessionStorage is unavailable.
 */
export function tabSessionId(storage: KeyValueStorage, key: string): string {
  const saved = storage.getItem(key);
  if (saved && SESSION_ID.test(saved)) return saved;
  const id = randomId();
  storage.setItem(key, id);
  return id;
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
