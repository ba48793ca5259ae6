export type KeyValueStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

/**
 * localStorage that degrades to memory: reading `window.localStorage` throws in sandboxed
 * iframes and with cookies blocked, and setItem throws when the quota is full. The widget
 * then still works for this page view; it just forgets on reload.
 */
export function createSafeStorage(resolve: () => KeyValueStorage | null | undefined): KeyValueStorage {
  const memory = new Map<string, string>();
  const backing = tryResolve(resolve);
  return {
    getItem(key) {
      const remembered = memory.get(key);
      if (remembered !== undefined) return remembered;
      try {
        return backing?.getItem(key) ?? null;
      } catch (error) {
        return unavailable(error);
      }
    },
    setItem(key, value) {
      try {
        if (backing) {
          backing.setItem(key, value);
          memory.delete(key);
          return;
        }
      } catch (error) {
        unavailable(error);
      }
      memory.set(key, value);
    },
    removeItem(key) {
      memory.delete(key);
      try {
        backing?.removeItem(key);
      } catch (error) {
        unavailable(error);
      }
    },
  };
}

function tryResolve(resolve: () => KeyValueStorage | null | undefined): KeyValueStorage | null {
  try {
    return resolve() ?? null;
  } catch (error) {
    return unavailable(error);
  }
}

// Storage being unavailable is an expected outcome with a fallback, not a failure to report.
function unavailable(_error: unknown): null {
  return null;
}
