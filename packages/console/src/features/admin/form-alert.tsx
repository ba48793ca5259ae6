import type { ProblemError } from '../../api/http-client.ts';
import { isWithin, type FormProblem } from './form-problem.ts';

/** The server's detail, when no field of the form (`paths`) shows what went wrong. */
export function FormAlert(props: { problem: FormProblem | null; paths: readonly string[] }) {
  const { problem, paths } = props;
  if (!problem) return null;
  const unshown = problem.fields.filter((f) => !paths.some((p) => isWithin(p, f.path)));
  if (problem.fields.length > 0 && unshown.length === 0) return null;
  return (
    <div className="notice" role="alert">
      <p>{problem.detail}</p>
      {unshown.length > 0 && <ul>{unshown.map((f) => <li key={`${f.path}:${f.message}`} dir="auto">{f.path ? `${f.path}: ` : ''}{f.message}</li>)}</ul>}
    </div>
  );
}

/** A list or record that could not be loaded. */
export function LoadAlert(props: { error: ProblemError | null }) {
  return props.error ? <p className="notice" role="alert">{props.error.message}</p> : null;
}
