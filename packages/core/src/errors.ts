// One error type for the whole product. `kind` is a closed set that maps to an HTTP status in
// exactly one table (server/http); `code` is a stable `area.reason` string listed in docs/errors.md.

export const ERROR_KINDS = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  // Two kinds beyond the usual set, because clients act on them differently from `invalid`:
  // shrink the payload (413) or fix the Content-Type (415).
  'too_large',
  'unsupported',
  'rate_limited',
  'unavailable',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly detail: string;
  readonly fields: FieldError[] | undefined;

  constructor(options: {
    kind: ErrorKind;
    code: string;
    detail: string;
    fields?: FieldError[];
    cause?: unknown;
  }) {
    super(options.detail, { cause: options.cause });
    this.name = 'AppError';
    this.kind = options.kind;
    this.code = options.code;
    this.detail = options.detail;
    this.fields = options.fields;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
