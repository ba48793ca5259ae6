import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactPreferences as Preferences } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { useSession } from '../session/session-context.tsx';

const CHOICES = ['doNotDisturb', 'noticesOptedOut'] as const;

/**
 * What the customer asked about outreach: no proactive messages, no notices. Agents record a
 * wish the customer voiced elsewhere (by phone, in an e-mail); the change is audited.
 */
export function ContactPreferencesSection(props: { customerId: string }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const preferences = useResource<Preferences>(`/customers/${props.customerId}/contact-preferences`);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!preferences.data) return null;
  const current = preferences.data;

  const toggle = async (choice: (typeof CHOICES)[number]) => {
    setSaving(true);
    setFailed(false);
    try {
      await http.send('PATCH', `/customers/${props.customerId}/contact-preferences`, { [choice]: !current[choice] });
      preferences.reload();
    } catch {
      setFailed(true);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="contact-preferences-title">
      <h3 id="contact-preferences-title">{t('contactPreferences.title')}</h3>
      <ul className="customer__list">
        {CHOICES.map((choice) => (
          <li key={choice}>
            <label>
              <input type="checkbox" checked={current[choice]} disabled={saving} onChange={() => void toggle(choice)} /> {t(`contactPreferences.${choice}`)}
            </label>
          </li>
        ))}
      </ul>
      {failed && <p role="alert">{t('contactPreferences.failed')}</p>}
    </section>
  );
}
