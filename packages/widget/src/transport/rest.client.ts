import { ApiError } from './api-error.ts';

export type RequestOptions = {
  body?: unknown;
  form?: FormData;
  /** Anonymous calls (config, sessions, redeem) must not trigger a session renewal on 401. */
  isAnonymous?: boolean;
  signal?: AbortSignal;
};

export type RestClient = <T>(method: string, path: string, options?: RequestOptions) => Promise<T>;

export type RestClientOptions = {
  baseUrl: string;
  getToken: () => string | null;
  /** Called on a 401 with the token that was refused: returns a fresh one, or null when none could be had. */
  renewToken: (refused: string | null) => Promise<string | null>;
  fetchFn?: typeof fetch;
};

export function createRestClient(options: RestClientOptions): RestClient {
  const fetchFn = options.fetchFn ?? ((input, init) => fetch(input, init));
  const send = async (method: string, path: string, request: RequestOptions, token: string | null) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token && !request.isAnonymous) headers.authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (request.form) body = request.form;
    else if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    try {
      return await fetchFn(`${options.baseUrl}${path}`, { method, headers, body, signal: request.signal, credentials: 'omit' });
    } catch (cause) {
      if (request.signal?.aborted) throw cause;
      throw new ApiError({ status: 0, code: 'network.unreachable', detail: 'The server could not be reached', cause });
    }
  };

  return async <T>(method: string, path: string, request: RequestOptions = {}): Promise<T> => {
    const token = options.getToken();
    let response = await send(method, path, request, token);
    if (response.status === 401 && !request.isAnonymous) {
      const renewed = await options.renewToken(token);
      if (renewed) response = await send(method, path, request, renewed);
    }
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch (cause) {
      throw new ApiError({ status: response.status, code: 'response.invalid', detail: 'The response was not JSON', cause });
    }
  };
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as { code?: unknown; detail?: unknown };
    return new ApiError({
      status: response.status,
      code: typeof problem.code === 'string' ? problem.code : `http.${response.status}`,
      detail: typeof problem.detail === 'string' ? problem.detail : response.statusText,
    });
  } catch (cause) {
    // A proxy's HTML error page still has a useful status.
    return new ApiError({ status: response.status, code: `http.${response.status}`, detail: response.statusText, cause });
  }
}
