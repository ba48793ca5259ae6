import { useTranslation } from 'react-i18next';
import type { SmsValues } from './channel-config.ts';
import { ApiBaseUrlInput, ConfigInput, PhoneNumberInput, SecretInput, type ChannelFieldsProps } from './config-input.tsx';

// The server checks it too; the browser only catches a slip before the round trip.
const ACCOUNT_SID = 'AC[0-9a-f]{32}';

/** A Twilio number: the account it belongs to, its auth token, and the number customers text. */
export function SmsChannelFields(props: ChannelFieldsProps<SmsValues>) {
  const { t } = useTranslation();
  const { values, problem, editing } = props;
  const set = (change: Partial<SmsValues>) => props.onChange({ ...values, ...change });
  return (
    <>
      <ConfigInput
        label={t('admin.accountSid')}
        path="config.accountSid"
        problem={problem}
        hint={t('admin.accountSidHint')}
        value={values.accountSid}
        onChange={(accountSid) => set({ accountSid })}
        input={{ required: true, pattern: ACCOUNT_SID, dir: 'ltr', autoComplete: 'off', spellCheck: false }}
      />
      <SecretInput label={t('admin.authToken')} path="config.authToken" problem={problem} value={values.authToken} onChange={(authToken) => set({ authToken })} editing={editing} />
      <PhoneNumberInput label={t('admin.phoneNumber')} path="config.phoneNumber" problem={problem} value={values.phoneNumber} onChange={(phoneNumber) => set({ phoneNumber })} />
      <ApiBaseUrlInput problem={problem} value={values.apiBaseUrl} onChange={(apiBaseUrl) => set({ apiBaseUrl })} />
    </>
  );
}
