import { guard } from '../report-error.ts';

export type PageSignalHandlers = {
  /** How far down the page the visitor has seen, 0–100 (throttled). */
  onScroll(percent: number): void;
  /** The visitor typed in a field of the host page. */
  onFormInput(): void;
  /** The pointer left through the top of the viewport (towards the tabs or the address bar). */
  onExitIntent(): void;
};

const SCROLL_THROTTLE_MS = 250;
// Inputs that are clicked, not typed into: changing them is not filling in a form.
const UNTYPED_INPUTS = new Set(['checkbox', 'radio', 'submit', 'button', 'reset', 'file', 'image', 'range', 'color', 'hidden']);

/**
 * Watches the host page for what proactive triggers read. Passive listeners only: the page's
 * scrolling and typing never wait for us. Typing inside the widget's shadow root reaches the
 * document retargeted to the widget's host element, which is not a field, so it never counts.
 */
export function watchPageSignals(win: Window, on: PageSignalHandlers): () => void {
  const doc = win.document;
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  const readScroll = guard('scroll depth', () => {
    scrollTimer = undefined;
    on.onScroll(scrollPercent(win));
  });
  const onScroll = () => {
    scrollTimer ??= setTimeout(readScroll, SCROLL_THROTTLE_MS);
  };
  const onTyping = guard('form idle', (event: Event) => {
    if (isTypedField(event.target)) on.onFormInput();
  });
  const onMouseOut = guard('exit intent', (event: MouseEvent) => {
    if (event.relatedTarget === null && event.clientY <= 0) on.onExitIntent();
  });
  // Capture: a page handler that stops propagation must not hide the typing from us.
  const capture = { capture: true, passive: true };
  win.addEventListener('scroll', onScroll, { passive: true });
  doc.addEventListener('input', onTyping, capture);
  doc.addEventListener('keydown', onTyping, capture);
  doc.addEventListener('mouseout', onMouseOut, { passive: true });
  return () => {
    clearTimeout(scrollTimer);
    win.removeEventListener('scroll', onScroll);
    doc.removeEventListener('input', onTyping, capture);
    doc.removeEventListener('keydown', onTyping, capture);
    doc.removeEventListener('mouseout', onMouseOut);
  };
}

export function scrollPercent(win: Window): number {
  const height = win.document.documentElement.scrollHeight;
  if (height <= 0) return 0;
  return Math.min(100, Math.round(((win.scrollY + win.innerHeight) / height) * 100));
}

// By tag name, not instanceof: a field from another frame's realm still counts.
function isTypedField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== 'string') return false;
  if (element.tagName === 'TEXTAREA') return true;
  if (element.tagName === 'INPUT') return !UNTYPED_INPUTS.has((element as HTMLInputElement).type);
  return element.isContentEditable === true;
}
