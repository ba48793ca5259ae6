import { messagesFor, type FormProblem } from './form-problem.ts';

/**
 * The server's messages for a group of controls (checkboxes, rows) that has no single input to
 * attach them to; `exact`: only those about the group itself, when its parts show their own.
 */
export function FieldErrors(props: { problem: FormProblem | null; path: string; exact?: boolean }) {
  const { problem, path } = props;
  const messages = props.exact ? (problem?.fields ?? []).filter((f) => f.path === path).map((f) => f.message) : messagesFor(problem, path);
  return messages.length > 0 ? <p className="field-error" role="alert">{messages.join(' ')}</p> : null;
}
