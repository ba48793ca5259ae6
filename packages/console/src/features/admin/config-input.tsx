import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './field.tsx';
import type { FormProblem } from './form-problem.ts';

/** An E.164 phone number as an input `pattern` (the server checks it again). */
const E164_INPUT = '\\+[1-9][0-9]{6,14}';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

/** What every kind's fields take: the config being edited, and whether it is a stored channel's. */
export interface ChannelFieldsProps<V> {
  values: V;
  onChange: (values: V) => void;
  problem: FormProblem | null;
  editing: boolean;
}

/** A labelled one-line input for one config value, with the server's messages for `path`. */
export function ConfigInput(props: { label: string; path: string; problem: FormProblem | null; hint?: ReactNode; value: string; onChange: (value: string) => void; input?: InputProps }) {
  return (
    <Field label={props.label} path={props.path} problem={props.problem} hint={props.hint}>
      {(c) => <input {...props.input} {...c} value={props.value} onChange={(e) => props.onChange(e.target.value)} />}
    </Field>
  );
}

/**
 * A provider secret. It is never shown: a stored channel's starts empty, and empty means
 * "keep the current one" (the PATCH leaves it out); a new channel needs one. No maxLength:
 * a pasted token cut short would fail later with no clue, so the server judges its length.
 */
export function SecretInput(props: { label: string; path: string; problem: FormProblem | null; hint?: string; value: string; onChange: (value: string) => void; editing: boolean }) {
  const { t } = useTranslation();
  const hint = [props.hint, props.editing ? t('admin.secretKeepHint') : ''].filter(Boolean).join(' ');
  return (
    <ConfigInput
      label={props.label}
      path={props.path}
      problem={props.problem}
      hint={hint || undefined}
      value={props.value}
      onChange={props.onChange}
      input={{ type: 'password', autoComplete: 'off', required: !props.editing, dir: 'ltr', spellCheck: false }}
    />
  );
}

type ValueProps = { path: string; problem: FormProblem | null; value: string; onChange: (value: string) => void };

/** The number customers write to, in E.164 (SMS and WhatsApp channels). */
export function PhoneNumberInput(props: ValueProps & { label: string }) {
  const { t } = useTranslation();
  return (
    <ConfigInput
      {...props}
      hint={t('admin.phoneNumberHint')}
      input={{ type: 'tel', required: true, pattern: E164_INPUT, dir: 'ltr', autoComplete: 'off', placeholder: '+84901234567' }}
    />
  );
}

/** Where the provider's API is (left empty: the provider's own); tests and proxies set it. */
export function ApiBaseUrlInput(props: Omit<ValueProps, 'path'>) {
  const { t } = useTranslation();
  return (
    <ConfigInput
      {...props}
      label={t('admin.apiBaseUrl')}
      path="config.apiBaseUrl"
      hint={t('admin.apiBaseUrlHint')}
      input={{ type: 'url', dir: 'ltr', autoComplete: 'off', spellCheck: false }}
    />
  );
}
