import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { useSession } from '../session/session-context.tsx';
import { FormAlert, LoadAlert } from './form-alert.tsx';
import { useSubmit } from './use-submit.ts';

/** GET /bot/model and POST /bot/train (BotModelStatus in the OpenAPI document). */
interface BotModelStatus {
  trained: boolean;
  examples: number;
  intents: number;
  threshold: number | null;
  trainingMs: number | null;
  trainedAt: string | null;
}

/** The intent model's state, and a button that retrains it now and waits for the result. */
export function BotModelPanel() {
  const { t, i18n } = useTranslation();
  const { http } = useSession();
  const model = useResource<BotModelStatus>('/bot/model');
  const { saving, problem, submit } = useSubmit();
  const [result, setResult] = useState<BotModelStatus | null>(null);
  const status = result ?? model.data;
  const number = (n: number) => n.toLocaleString(i18n.language);
  const train = () => void submit(async () => setResult(await http.send<BotModelStatus>('POST', '/bot/train')));
  return (
    <div className="admin-section">
      <h2>{t('admin.model')}</h2>
      <LoadAlert error={model.error} />
      {status && (
        <dl className="admin-facts">
          <div><dt>{t('admin.modelState')}</dt><dd>{status.trained ? t('admin.trained') : t('admin.untrained')}</dd></div>
          <div><dt>{t('admin.examples')}</dt><dd>{number(status.examples)}</dd></div>
          <div><dt>{t('admin.intents')}</dt><dd>{number(status.intents)}</dd></div>
          {status.threshold !== null && <div><dt>{t('admin.threshold')}</dt><dd>{number(status.threshold)}</dd></div>}
          {status.trainedAt && <div><dt>{t('admin.trainedAt')}</dt><dd>{new Date(status.trainedAt).toLocaleString(i18n.language)}</dd></div>}
        </dl>
      )}
      <div className="admin-row">
        <button type="button" className="button button--primary" disabled={saving} onClick={train}>{saving ? t('admin.training') : t('admin.trainNow')}</button>
        <span role="status">
          {result && (result.trained
            ? t('admin.trainResult', { ms: number(result.trainingMs ?? 0) })
            : t('admin.trainNothing'))}
        </span>
      </div>
      <FormAlert problem={problem} paths={[]} />
    </div>
  );
}
