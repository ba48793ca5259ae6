import type { Fetch, SendFailureKind, SendResult } from './messaging-provider.ts';

// A provider that accepts the connection and never answers must not hold a send job forever.
const REQUEST_TIMEOUT_MS = 15_000;
// Provider error bodies are echoed into our logs and the console: keep them bounded.
const MAX_ERROR_LENGTH = 500;

export type ProviderReply = { kind: 'reply'; status: number; json: unknown } | { kind: 'unreachable'; error: string };

/** One HTTP exchange with a provider API; network failures become a value, never a throw. */
export async function requestProvider(fetchImpl: Fetch, url: string, init: RequestInit): Promise<ProviderReply> {
  try {
    const response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    return { kind: 'reply', status: response.status, json: parseJsonOrUndefined(text) };
  } catch (error) {
    // fetch rejects only for network-level failures (refused, reset, DNS, timeout), never for an HTTP status.
    return { kind: 'unreachable', error: describeNetworkError(error) };
  }
}

export function sendFailure(failure: SendFailureKind, error: string, secrets: readonly string[]): SendResult {
  return { kind: 'failed', failure, error: redact(error, secrets).slice(0, MAX_ERROR_LENGTH) };
}

/** Removes every occurrence of each secret, in case a provider or a proxy echoes one back. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length > 0).reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

function parseJsonOrUndefined(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    // An HTML error page from a proxy is still a reply: classification goes by status.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return `network error: ${String(error)}`;
  const cause = error.cause as { code?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `network error: ${error.message}${code}`;
}
