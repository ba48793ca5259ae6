import type { TFunction } from 'i18next';
import { ProblemError } from '../../api/http-client.ts';

/** A wrong two-factor code, said in the agent's language and shown on the code field. */
export function localizeCodeProblem(t: TFunction): (error: unknown) => never {
  return (error) => {
    if (error instanceof ProblemError && error.code === 'auth.totp_invalid') {
      const message = t('signIn.codeInvalid');
      throw new ProblemError(error.status, error.code, message, [{ path: 'code', message }], { cause: error });
    }
    throw error;
  };
}
