import type { PrivacySettings } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { LoadAlert } from '../admin/form-alert.tsx';
import { PrivacySettingsForm } from './privacy-settings-form.tsx';

/** The workspace's privacy settings (admins; the API refuses others too). */
export function PrivacySection() {
  const settings = useResource<PrivacySettings>('/privacy/settings');
  return (
    <section className="admin-section" aria-busy={!settings.data && !settings.error}>
      <LoadAlert error={settings.error} />
      {settings.data && <PrivacySettingsForm settings={settings.data} onSaved={settings.reload} />}
    </section>
  );
}
