/** Codes the widget raises itself, next to the server's `area.reason` codes. */
export const CLIENT_ERROR_CODES = ['network.unreachable', 'response.invalid'] as const;

/** An RFC 9457 problem from the server, or a network failure dressed as one (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;

  constructor(init: { status: number; code: string; detail: string; cause?: unknown }) {
    super(`${init.code}: ${init.detail}`, { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
  }

  /** Worth trying again later: the network, a timeout, rate limiting or the server being down. */
  get isTemporary(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
