/**
 * The one place the widget's own failures end up: the host page's console, never its
 * error handlers. The widget must not break, or be blamed for breaking, the page it lives in.
 */
export function reportError(where: string, error: unknown): void {
  console.warn(`[tandem] ${where}:`, error);
}

/** Wraps a callback handed to the browser (event, timer, socket) so nothing escapes to the host page. */
export function guard<A extends unknown[]>(where: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch((error: unknown) => reportError(where, error));
    } catch (error) {
      reportError(where, error);
    }
  };
}
