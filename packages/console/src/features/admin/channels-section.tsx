import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { isConfigurable, type ConfigurableChannel } from './channel-config.ts';
import { ChannelForm } from './channel-form.tsx';
import { CsatSettingsForm, type CsatSettings } from './csat-settings-form.tsx';
import { LoadAlert } from './form-alert.tsx';
import { InstallSnippet } from './install-snippet.tsx';
import { WebhookUrl } from './webhook-url.tsx';
import { WidgetSettingsForm, type WidgetSettings } from './widget-settings-form.tsx';

const hasWebhook = (channel: Channel): channel is Channel & { webhookUrl: string } => channel.webhookUrl !== null;

/**
 * The web widget's settings, the satisfaction survey (sent in the customer's channel), then every
 * channel: email, SMS and WhatsApp ones are added and edited here.
 */
export function ChannelsSection() {
  const { t } = useTranslation();
  const workspace = useResource<{ settings: WidgetSettings & { csat: CsatSettings } }>('/workspace');
  const channels = useResource<{ items: Channel[] }>('/channels');
  const [editing, setEditing] = useState<ConfigurableChannel | 'new' | null>(null);
  const saved = () => {
    setEditing(null);
    channels.reload();
  };
  return (
    <section className="admin-section">
      <InstallSnippet />
      <LoadAlert error={workspace.error} />
      {workspace.data && <WidgetSettingsForm settings={workspace.data.settings} onSaved={workspace.reload} />}
      {workspace.data && <CsatSettingsForm csat={workspace.data.settings.csat} onSaved={workspace.reload} />}
      <h2>{t('admin.channelList')}</h2>
      <LoadAlert error={channels.error} />
      <table className="table">
        <thead>
          <tr><th>{t('admin.kind')}</th><th>{t('admin.name')}</th><th>{t('admin.state')}</th><th>{t('admin.webhookUrl')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr>
        </thead>
        <tbody>
          {channels.data?.items.map((c) => (
            <tr key={c.id}>
              <td>{t(`channel.${c.kind}`)}</td>
              <td dir="auto">{c.name}</td>
              <td>{c.enabled ? t('admin.enabled') : t('admin.disabled')}</td>
              <td>{hasWebhook(c) && <WebhookUrl channel={c} />}</td>
              <td>
                {isConfigurable(c) && (
                  <button type="button" className="button button--quiet" aria-label={t('admin.editNamed', { name: c.name })} onClick={() => setEditing(c)}>{t('admin.edit')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing === null && <button type="button" className="button button--primary" onClick={() => setEditing('new')}>{t('admin.addChannel')}</button>}
      {editing !== null && (
        <ChannelForm key={editing === 'new' ? 'new' : editing.id} channel={editing === 'new' ? undefined : editing} onSaved={saved} onCancel={() => setEditing(null)} />
      )}
    </section>
  );
}
