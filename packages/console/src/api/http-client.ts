// One data layer for the console: JSON over fetch with the session cookie, problem documents
// turned into ProblemError, and a hook for "the session is gone" (sign in again, keep drafts).

export interface ProblemField {
  path: string;
  message: string;
}

export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ProblemField[];
  constructor(status: number, code: string, detail: string, fields: ProblemField[] = [], options?: ErrorOptions) {
    super(detail, options);
    this.name = 'ProblemError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface HttpClient {
  get<T>(path: string, query?: Query): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  upload<T>(path: string, file: File): Promise<T>;
}

export function createHttpClient(options: { base?: string; onUnauthenticated: () => void; fetch?: typeof fetch }): HttpClient {
  const base = options.base ?? '/api/v1';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(path: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(base + path, { credentials: 'same-origin', ...init });
    } catch (error) {
      throw new ProblemError(0, 'network.offline', 'The server cannot be reached.', [], { cause: error });
    }
    if (response.status === 401) options.onUnauthenticated();
    if (!response.ok) throw await problemOf(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    get: (path, query) => request(path + queryString(query), { method: 'GET' }),
    send: (method, path, body) =>
      request(path, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    upload: (path, file) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request(path, { method: 'POST', body: form });
    },
  };
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function problemOf(response: Response): Promise<ProblemError> {
  try {
    const body = (await response.json()) as { code?: string; detail?: string; title?: string; errors?: { path?: string; message?: string }[] };
    const fields = (body.errors ?? []).map((e) => ({ path: e.path ?? '', message: e.message ?? '' }));
    return new ProblemError(response.status, body.code ?? 'server.internal', body.detail ?? body.title ?? response.statusText, fields);
  } catch {
    return new ProblemError(response.status, 'server.internal', response.statusText);
  }
}
