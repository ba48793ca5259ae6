import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { BotModelPanel } from './bot-model-panel.tsx';
import { LoadAlert } from './form-alert.tsx';
import { localizedText } from './localized-text.ts';

// The part of BotIntent (OpenAPI) this screen reads.
interface BotIntent {
  key: string;
  title: Record<string, string>;
  phrases: Record<string, string[]>;
}

/** What the assistant understands (its intents and their example phrases), and its trained model. */
export function BotSection() {
  const { t, i18n } = useTranslation();
  const intents = useResource<{ items: BotIntent[] }>('/bot/intents');
  const count = (n: number) => n.toLocaleString(i18n.language);
  return (
    <section className="admin-section">
      <BotModelPanel />
      <h2>{t('admin.intents')}</h2>
      <LoadAlert error={intents.error} />
      <table className="table">
        <thead><tr><th>{t('admin.key')}</th><th>{t('admin.title')}</th><th>{t('admin.phrases')}</th></tr></thead>
        <tbody>
          {intents.data?.items.map((intent) => (
            <tr key={intent.key}>
              <td dir="ltr">{intent.key}</td>
              <td dir="auto">{localizedText(intent.title, i18n.language)}</td>
              <td>{count(Object.values(intent.phrases).reduce((sum, list) => sum + list.length, 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
