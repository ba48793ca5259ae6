import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { useSession } from '../session/session-context.tsx';
import type { OutboxItem } from './outbox.ts';

interface Template {
  name: string;
  language: string;
  body: string;
}

const templatesOf = (channels: readonly Channel[] | undefined): Template[] => {
  const whatsapp = channels?.find((c) => c.kind === 'whatsapp' && c.enabled);
  const list = whatsapp?.config.templates;
  return Array.isArray(list) ? (list as Template[]).filter((t) => typeof t?.name === 'string' && typeof t.body === 'string') : [];
};

/** {{1}}, {{2}}…: how many values a template's body asks for. */
export const parameterCount = (body: string) => new Set(body.match(/\{\{\d+\}\}/g) ?? []).size;

export const fillTemplate = (body: string, values: readonly string[]) => body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => values[Number(n) - 1] || whole);

/**
 * Outside WhatsApp's 24-hour window only approved templates go out: the refused reply offers
 * them, with a field per parameter, and sends the chosen one in its place.
 */
export function TemplatePicker({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const { live } = useSession();
  const channels = useResource<{ items: Channel[] }>('/channels');
  const templates = templatesOf(channels.data?.items);
  const [chosen, setChosen] = useState(0);
  const [values, setValues] = useState<string[]>([]);
  const template = templates[chosen];
  if (!channels.data) return null;
  if (!template) return <p className="field-error">{t('composer.noTemplates')}</p>;
  const count = parameterCount(template.body);
  const ready = values.slice(0, count).filter((v) => v.trim()).length === count;

  function send() {
    if (!template || !ready) return;
    const parameters = values.slice(0, count).map((v) => v.trim());
    live.discard(item.idempotencyKey);
    live.send({ conversationId: item.conversationId, body: fillTemplate(template.body, parameters), private: false, channel: 'whatsapp', content: { template: { name: template.name, language: template.language, parameters } } });
  }

  return (
    <div className="template-picker" data-testid="template-picker">
      <label>
        {t('composer.template')}{' '}
        <select value={chosen} onChange={(e) => { setChosen(Number(e.target.value)); setValues([]); }} data-testid="template-choice">
          {templates.map((x, i) => <option key={`${x.name}.${x.language}`} value={i}>{`${x.name} (${x.language})`}</option>)}
        </select>
      </label>
      <p className="template-picker__preview" dir="auto">{fillTemplate(template.body, values)}</p>
      {Array.from({ length: count }, (_, i) => (
        <label key={i}>
          {t('composer.templateValue', { n: i + 1 })}{' '}
          <input dir="auto" value={values[i] ?? ''} onChange={(e) => setValues(Object.assign([...values], { [i]: e.target.value }))} data-testid={`template-value-${i + 1}`} />
        </label>
      ))}
      <button type="button" className="button" disabled={!ready} onClick={send} data-testid="send-template">{t('composer.sendTemplate')}</button>
    </div>
  );
}
