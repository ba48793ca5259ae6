import { AppError, type FieldError } from '@tandem/core';
import { PROBLEM_CODES, type ProblemCode } from '@tandem/protocol';

/** An AppError for one of the documented codes; its kind (and so its status) comes from the code. */
export function appError(code: ProblemCode, detail?: string, extra?: { fields?: FieldError[]; cause?: unknown }): AppError {
  const { kind, title } = PROBLEM_CODES[code];
  return new AppError({ kind, code, detail: detail ?? title, ...extra });
}
