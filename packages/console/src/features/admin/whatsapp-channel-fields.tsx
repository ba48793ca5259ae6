import { useTranslation } from 'react-i18next';
import type { WhatsAppValues } from './channel-config.ts';
import { ApiBaseUrlInput, ConfigInput, PhoneNumberInput, SecretInput, type ChannelFieldsProps } from './config-input.tsx';
import { WhatsAppTemplatesEditor } from './whatsapp-templates-editor.tsx';

/** A WhatsApp Cloud API number: its ids, the three secrets Meta hands out, and the approved templates. */
export function WhatsAppChannelFields(props: ChannelFieldsProps<WhatsAppValues>) {
  const { t } = useTranslation();
  const { values, problem, editing } = props;
  const set = (change: Partial<WhatsAppValues>) => props.onChange({ ...values, ...change });
  const secret = (key: 'accessToken' | 'appSecret' | 'verifyToken') => (
    <SecretInput label={t(`admin.${key}`)} path={`config.${key}`} problem={problem} hint={t(`admin.${key}Hint`)} value={values[key]} onChange={(value) => set({ [key]: value })} editing={editing} />
  );
  return (
    <>
      <ConfigInput
        label={t('admin.phoneNumberId')}
        path="config.phoneNumberId"
        problem={problem}
        hint={t('admin.phoneNumberIdHint')}
        value={values.phoneNumberId}
        onChange={(phoneNumberId) => set({ phoneNumberId })}
        input={{ required: true, pattern: '[0-9]{5,20}', inputMode: 'numeric', dir: 'ltr', autoComplete: 'off' }}
      />
      <PhoneNumberInput label={t('admin.displayPhoneNumber')} path="config.displayPhoneNumber" problem={problem} value={values.displayPhoneNumber} onChange={(displayPhoneNumber) => set({ displayPhoneNumber })} />
      {secret('accessToken')}
      {secret('appSecret')}
      {secret('verifyToken')}
      <ApiBaseUrlInput problem={problem} value={values.apiBaseUrl} onChange={(apiBaseUrl) => set({ apiBaseUrl })} />
      <WhatsAppTemplatesEditor templates={values.templates} onChange={(templates) => set({ templates })} problem={problem} />
    </>
  );
}
