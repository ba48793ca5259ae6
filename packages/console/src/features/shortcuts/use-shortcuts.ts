import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  next?: () => void;
  previous?: () => void;
  reply?: () => void;
  note?: () => void;
  resolve?: () => void;
  help?: () => void;
}

/** Which key does what: the one table the help dialog shows too. */
export const SHORTCUTS = [
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'r', action: 'reply' },
  { key: 'n', action: 'note' },
  { key: 'e', action: 'resolve' },
  { key: '?', action: 'help' },
] as const satisfies readonly { key: string; action: keyof ShortcutHandlers }[];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Single-key shortcuts, ignored while typing in a field or with a modifier held. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const shortcut = SHORTCUTS.find((s) => s.key === event.key);
      const handler = shortcut && current.current[shortcut.action];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
