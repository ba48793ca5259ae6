import { useId, useRef } from 'react';
import { CopyButton } from '../admin/copy-button.tsx';

/** A secret shown as selectable text with a copy button (left to right in every language). */
export function SecretText(props: { label: string; copyLabel: string; value: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="account__secret">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} ref={input} readOnly value={props.value} dir="ltr" spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <div className="admin-row">
        <CopyButton text={props.value} label={props.copyLabel} select={() => input.current?.select()} />
      </div>
    </div>
  );
}
