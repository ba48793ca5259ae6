import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '@tandem/core';
import { useResource } from '../../api/use-resource.ts';
import { LoadAlert } from './form-alert.tsx';
import { InstallSnippet } from './install-snippet.tsx';
import { WidgetSettingsForm, type WidgetSettings } from './widget-settings-form.tsx';

// The parts of Workspace and Channel (OpenAPI) this screen reads.
interface Channel {
  id: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
}

export function ChannelsSection() {
  const { t } = useTranslation();
  const workspace = useResource<{ settings: WidgetSettings }>('/workspace');
  const channels = useResource<{ items: Channel[] }>('/channels');
  return (
    <section className="admin-section">
      <InstallSnippet />
      <LoadAlert error={workspace.error} />
      {workspace.data && <WidgetSettingsForm settings={workspace.data.settings} onSaved={workspace.reload} />}
      <h2>{t('admin.channelList')}</h2>
      <LoadAlert error={channels.error} />
      <table className="table">
        <thead><tr><th>{t('admin.kind')}</th><th>{t('admin.name')}</th><th>{t('admin.state')}</th></tr></thead>
        <tbody>
          {channels.data?.items.map((c) => (
            <tr key={c.id}><td>{t(`channel.${c.kind}`)}</td><td dir="auto">{c.name}</td><td>{c.enabled ? t('admin.enabled') : t('admin.disabled')}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
