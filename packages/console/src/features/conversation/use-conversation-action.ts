import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/http-client.ts';

/** Runs one action at a time and turns a refusal into a sentence for the agent. */
export function useConversationAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      if (!(failure instanceof ProblemError)) throw failure;
      const known = ['routing.already_taken', 'routing.not_waiting', 'routing.at_capacity', 'network.offline'];
      setError(known.includes(failure.code) ? t(`errors.${failure.code.replace('.', '_')}`) : failure.message);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
