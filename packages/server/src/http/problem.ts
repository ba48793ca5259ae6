import { isAppError, type ErrorKind, type FieldError } from '@tandem/core';
import { PROBLEM_CODES, PROBLEM_TYPE_BASE, type Problem, type ProblemCode } from '@tandem/protocol';

export const STATUS_BY_KIND = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  unavailable: 503,
} as const satisfies Record<ErrorKind, number>;

export function problemFor(code: ProblemCode, detail: string, instance: string, fields?: FieldError[]): Problem {
  const { kind, title } = PROBLEM_CODES[code];
  return {
    type: PROBLEM_TYPE_BASE + code,
    title,
    status: code === 'server.internal' ? 500 : STATUS_BY_KIND[kind],
    detail,
    instance,
    code,
    ...(fields && fields.length > 0 ? { errors: fields } : {}),
  };
}

const isProblemCode = (code: string): code is ProblemCode => code in PROBLEM_CODES;

/** The problem document for anything thrown while handling a request. */
export function problemFromError(error: unknown, instance: string, requestId: string): Problem {
  if (isAppError(error) && isProblemCode(error.code)) {
    return problemFor(error.code, error.detail, instance, error.fields);
  }
  const framework = fromFrameworkError(error);
  if (framework) return problemFor(framework.code, framework.detail, instance, framework.fields);
  return problemFor('server.internal', `Something went wrong on our side (request ${requestId}).`, instance);
}

interface FrameworkError {
  code: ProblemCode;
  detail: string;
  fields?: FieldError[];
}

function fromFrameworkError(error: unknown): FrameworkError | null {
  const e = error as { code?: string; statusCode?: number; message?: string; validation?: unknown };
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'request.malformed_json', detail: 'The body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'request.too_large', detail: 'The body is larger than this endpoint accepts.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'request.unsupported_media_type', detail: 'Send JSON with Content-Type: application/json.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'request.invalid', detail: 'Content-Length does not match the body.' };
    default:
      break;
  }
  if (lostDatabaseConnection(error)) {
    return { code: 'server.database_unavailable', detail: 'The database connection was interrupted: retry with the same idempotency key (a change that did commit is answered as a replay).' };
  }
  if (e.statusCode === 429) return { code: 'request.rate_limited', detail: e.message ?? 'Slow down.' };
  if (e.statusCode === 400 && typeof e.message === 'string' && !e.validation) {
    return { code: 'request.invalid', detail: e.message };
  }
  return null;
}

// PostgreSQL's "connection exception" class and the shutdown codes, and the driver's own words
// when the socket closes under it. Anything else stays a 500: a bug, not an outage.
const CONNECTION_SQLSTATES = new Set(['08000', '08003', '08006', '57P01', '57P02', '57P03']);
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** Whether `error` (or one of its causes) says the database connection went away mid-request. */
export function lostDatabaseConnection(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_SQLSTATES.has(code) || CONNECTION_ERRNOS.has(code))) return true;
    if (/^Connection terminated|^Client has encountered a connection error/.test(current.message)) return true;
  }
  return false;
}
