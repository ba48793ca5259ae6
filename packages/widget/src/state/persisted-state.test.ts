import { describe, expect, test } from 'vitest';
import { persistStore, restoreState, storageKey } from './persisted-state.ts';
import { createSafeStorage, type KeyValueStorage } from './safe-storage.ts';
import { createWidgetStore } from './widget.store.ts';
import { createInitialState } from './widget-state.ts';
import { aMessage, anOutboxItem, CONVERSATION_ID, CUSTOMER_ID } from './widget.fixtures.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const KEY = storageKey('ws-1');

function loadStore(storage: KeyValueStorage) {
  const store = createWidgetStore(restoreState(createInitialState('en'), storage.getItem(KEY)));
  persistStore(store, storage, KEY);
  return store;
}

describe('persistence', () => {
  test('the outbox, token, resume map and draft survive a reload with the same idempotency keys', () => {
    const storage = memoryStorage();
    const before = loadStore(storage);
    before.dispatch({ type: 'session.started', token: 'tok', customerId: CUSTOMER_ID });
    before.dispatch({ type: 'message.received', message: aMessage(1) });
    before.dispatch({ type: 'message.received', message: aMessage(2) });
    before.dispatch({ type: 'message.queued', item: anOutboxItem('key-0001', { conversationId: CONVERSATION_ID }) });
    before.dispatch({ type: 'draft.changed', draft: 'half a thought' });

    const after = loadStore(storage).getState();

    expect(after.token).toBe('tok');
    expect(after.customerId).toBe(CUSTOMER_ID);
    expect(after.outbox).toEqual([expect.objectContaining({ idempotencyKey: 'key-0001', status: 'queued' })]);
    expect(after.conversations[CONVERSATION_ID]?.lastSeq).toBe(2);
    expect(after.draft).toBe('half a thought');
  });

  test('it is stored under tandem:<workspaceId>', () => {
    const storage = memoryStorage();
    loadStore(storage).dispatch({ type: 'draft.changed', draft: 'x' });
    expect([...storage.data.keys()]).toEqual(['tandem:ws-1']);
  });

  test('a corrupt or foreign entry starts fresh instead of failing', () => {
    expect(restoreState(createInitialState('en'), '{not json').token).toBeNull();
    expect(restoreState(createInitialState('en'), JSON.stringify({ v: 99, token: 'x' })).token).toBeNull();
  });

  test('when localStorage throws, the widget keeps working from memory', () => {
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const storage = createSafeStorage(() => throwing);
    storage.setItem(KEY, 'saved');
    expect(storage.getItem(KEY)).toBe('saved');
    const unreachable = createSafeStorage(() => {
      throw new DOMException('sandboxed', 'SecurityError');
    });
    unreachable.setItem(KEY, 'kept');
    expect(unreachable.getItem(KEY)).toBe('kept');
  });
});
