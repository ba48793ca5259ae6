import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context.tsx';
import { CONFIGURABLE_KINDS, channelValues, configBody, configPaths, isConfigurableKind, type ChannelValues, type ConfigurableChannel } from './channel-config.ts';
import type { ChannelFieldsProps } from './config-input.tsx';
import { EmailChannelFields } from './email-channel-fields.tsx';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { readForm } from './read-form.ts';
import { SmsChannelFields } from './sms-channel-fields.tsx';
import { useSubmit } from './use-submit.ts';
import { WhatsAppChannelFields } from './whatsapp-channel-fields.tsx';

/**
 * Adds an email, SMS or WhatsApp channel, or edits one (`channel`; its kind is fixed). The whole
 * config is sent, but for secrets left empty on edit: the server keeps those.
 */
export function ChannelForm(props: { channel?: ConfigurableChannel; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const { channel } = props;
  const [values, setValues] = useState(() => channelValues(channel?.kind ?? 'email', channel?.config));
  return (
    <form
      className="form-grid"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        const { form, text } = readForm(e);
        const body = { name: text('name'), enabled: form.get('enabled') === 'on', config: configBody(values, channel !== undefined) };
        void submit(() => (channel ? http.send('PATCH', `/channels/${channel.id}`, body) : http.send('POST', '/channels', { kind: values.kind, ...body }))).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId} dir="auto">{channel ? t('admin.editNamed', { name: channel.name }) : t('admin.addChannel')}</h2>
      {!channel && (
        <Field label={t('admin.kind')} path="kind" problem={problem}>
          {(c) => (
            <select {...c} value={values.kind} onChange={(e) => isConfigurableKind(e.target.value) && setValues(channelValues(e.target.value))}>
              {CONFIGURABLE_KINDS.map((kind) => <option key={kind} value={kind}>{t(`channel.${kind}`)}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field label={t('admin.name')} path="name" problem={problem} hint={t('admin.channelNameHint')}>
        {(c) => <input {...c} name="name" required maxLength={120} defaultValue={channel?.name} dir="auto" />}
      </Field>
      <KindFields values={values} onChange={setValues} problem={problem} editing={channel !== undefined} />
      <label className="check"><input type="checkbox" name="enabled" defaultChecked={channel?.enabled ?? true} />{t('admin.channelEnabled')}</label>
      <FormAlert problem={problem} paths={['kind', 'name', 'enabled', ...configPaths(values)]} />
      <FormActions saving={saving} label={channel ? t('admin.save') : t('admin.create')} onCancel={props.onCancel} />
    </form>
  );
}

function KindFields(props: ChannelFieldsProps<ChannelValues>) {
  const { values, ...rest } = props;
  switch (values.kind) {
    case 'email':
      return <EmailChannelFields {...rest} values={values} />;
    case 'sms':
      return <SmsChannelFields {...rest} values={values} />;
    case 'whatsapp':
      return <WhatsAppChannelFields {...rest} values={values} />;
  }
}
