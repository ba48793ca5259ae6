import { useId, type ReactNode } from 'react';
import { messagesFor, type FormProblem } from './form-problem.ts';

export interface FieldControl {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled control with its hint and the server's messages for `path` (the control is rendered by `children`). */
export function Field(props: { label: string; path: string; problem: FormProblem | null; hint?: ReactNode; children: (control: FieldControl) => ReactNode }) {
  const id = useId();
  const messages = messagesFor(props.problem, props.path);
  const described = [props.hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, 'aria-invalid': messages.length ? true : undefined, 'aria-describedby': described || undefined })}
      {props.hint && <p className="field__hint" id={`${id}-hint`}>{props.hint}</p>}
      {messages.length > 0 && <p className="field-error" id={`${id}-error`} role="alert">{messages.join(' ')}</p>}
    </div>
  );
}
