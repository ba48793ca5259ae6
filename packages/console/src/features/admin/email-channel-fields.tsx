import { useTranslation } from 'react-i18next';
import type { EmailValues } from './channel-config.ts';
import { ConfigInput, type ChannelFieldsProps } from './config-input.tsx';
import { Field } from './field.tsx';

/** The support addresses mail arrives at, and how replies are signed. */
export function EmailChannelFields(props: ChannelFieldsProps<EmailValues>) {
  const { t } = useTranslation();
  const { values, problem } = props;
  const set = (change: Partial<EmailValues>) => props.onChange({ ...values, ...change });
  return (
    <>
      <ConfigInput
        label={t('admin.emailAddresses')}
        path="config.addresses"
        problem={problem}
        hint={t('admin.emailAddressesHint')}
        value={values.addresses}
        onChange={(addresses) => set({ addresses })}
        input={{ required: true, dir: 'ltr', autoComplete: 'off', spellCheck: false, placeholder: 'support@example.com' }}
      />
      <ConfigInput
        label={t('admin.senderName')}
        path="config.senderName"
        problem={problem}
        hint={t('admin.senderNameHint')}
        value={values.senderName}
        onChange={(senderName) => set({ senderName })}
        input={{ required: true, maxLength: 120, dir: 'auto' }}
      />
      <Field label={t('admin.footer')} path="config.footer" problem={problem} hint={t('admin.footerHint')}>
        {(c) => <textarea {...c} value={values.footer} onChange={(e) => set({ footer: e.target.value })} rows={3} maxLength={2000} dir="auto" />}
      </Field>
    </>
  );
}
