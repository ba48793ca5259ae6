import { useCallback, useState } from 'react';
import { formProblemOf, type FormProblem } from './form-problem.ts';

/** Runs a form's request: `saving` while it runs, `problem` when the server refuses it. */
export function useSubmit() {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const submit = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setSaving(true);
    setProblem(null);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(formProblemOf(error));
      return false;
    } finally {
      setSaving(false);
    }
  }, []);
  return { saving, problem, submit, refuse: setProblem };
}
