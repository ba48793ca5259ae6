import type { ProactiveSettings } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { LoadAlert } from '../admin/form-alert.tsx';
import { ProactiveSettingsForm } from './proactive-settings-form.tsx';
import { RulesList } from './rules-list.tsx';

/** /proactive: the rules, then the limits that hold over all of them. */
export function ProactiveHome() {
  const settings = useResource<ProactiveSettings>('/proactive/settings');
  return (
    <>
      <RulesList />
      <LoadAlert error={settings.error} />
      {settings.data && <ProactiveSettingsForm settings={settings.data} onSaved={settings.reload} />}
    </>
  );
}
