import { ProblemError } from '../../api/http-client.ts';

/** Why a form was refused: the server's detail, and its messages by field path (`skills.0`, `settings.widget.color`). */
export interface FormProblem {
  detail: string;
  fields: readonly { path: string; message: string }[];
}

// Request validation names the part it checked before the field (`body.shortcut`, `params.key`);
// a service names the field alone (the canned response's `body`). Forms know fields only.
const PART = /^(body|params|querystring)\./;

export function formProblemOf(error: unknown): FormProblem {
  if (error instanceof ProblemError) {
    return { detail: error.message, fields: error.fields.map((f) => ({ path: f.path.replace(PART, ''), message: f.message })) };
  }
  return { detail: error instanceof Error ? error.message : String(error), fields: [] };
}

/** A field claims its own path and everything inside it: `skills` shows the error on `skills.2`. */
export const isWithin = (fieldPath: string, path: string) => path === fieldPath || path.startsWith(`${fieldPath}.`);

/** The messages for one field; a message about a part of it says which part. */
export function messagesFor(problem: FormProblem | null, fieldPath: string): string[] {
  return (problem?.fields ?? [])
    .filter((f) => isWithin(fieldPath, f.path))
    .map((f) => (f.path === fieldPath ? f.message : `${f.path.slice(fieldPath.length + 1)}: ${f.message}`));
}
