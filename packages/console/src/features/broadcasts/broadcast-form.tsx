import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTREACH_PURPOSES } from '@tandem/core';
import type { Broadcast } from '@tandem/protocol';
import { Field } from '../admin/field.tsx';
import { FieldErrors } from '../admin/field-errors.tsx';
import { FormActions } from '../admin/form-actions.tsx';
import { FormAlert } from '../admin/form-alert.tsx';
import { LocalizedTextFields } from '../admin/localized-text-fields.tsx';
import { useSubmit } from '../admin/use-submit.ts';
import { useSession } from '../session/session-context.tsx';
import { BroadcastAudienceFields } from './broadcast-audience-fields.tsx';
import { broadcastBody, broadcastDraft, broadcastPaths, chosenChannels, type BroadcastDraft } from './broadcast-draft.ts';
import { ChannelOrderFields } from './channel-order-fields.tsx';
import { ScheduleFields } from './schedule-fields.tsx';
import { WhatsAppTemplateFields } from './whatsapp-template-fields.tsx';

/** A new broadcast: who, why, on which channels, what, and when. Sent (or scheduled) on create. */
export function BroadcastForm(props: { onCreated: (broadcast: Broadcast) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const [draft, setDraft] = useState(broadcastDraft);
  const set = (change: Partial<BroadcastDraft>) => setDraft((current) => ({ ...current, ...change }));
  const channels = chosenChannels(draft);
  return (
    <form
      className="form-grid form-grid--wide"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        let created: Broadcast | undefined;
        void submit(async () => {
          created = await http.send<Broadcast>('POST', '/broadcasts', broadcastBody(draft));
        }).then((ok) => ok && created && props.onCreated(created));
      }}
    >
      <h2 id={headingId}>{t('broadcast.new')}</h2>
      <Field label={t('admin.name')} path="name" problem={problem} hint={t('broadcast.nameHint')}>
        {(c) => <input {...c} value={draft.name} onChange={(e) => set({ name: e.target.value })} required maxLength={200} dir="auto" />}
      </Field>
      <fieldset>
        <legend>{t('broadcast.purpose')}</legend>
        <div className="broadcast-choices">
          {OUTREACH_PURPOSES.map((purpose) => (
            <label key={purpose} className="check">
              <input type="radio" name="purpose" value={purpose} checked={draft.purpose === purpose} onChange={() => set({ purpose })} />
              {t(`outreachPurpose.${purpose}`)}
            </label>
          ))}
        </div>
        <p className="field__hint">{t(`outreachPurposeHint.${draft.purpose}`)}</p>
        <FieldErrors problem={problem} path="purpose" />
      </fieldset>
      <BroadcastAudienceFields value={draft} onChange={set} problem={problem} />
      <ChannelOrderFields value={draft.channels} onChange={(value) => set({ channels: value })} problem={problem} />
      <LocalizedTextFields legend={t('broadcast.message')} label={(language) => t('broadcast.messageIn', { language })} path="message.text" value={draft.text} onChange={(text) => set({ text })} problem={problem} multiline />
      {channels.includes('email') && (
        <Field label={t('broadcast.subject')} path="message.subject" problem={problem} hint={t('broadcast.subjectHint')}>
          {(c) => <input {...c} value={draft.subject} onChange={(e) => set({ subject: e.target.value })} maxLength={300} dir="auto" />}
        </Field>
      )}
      {channels.includes('whatsapp') && <WhatsAppTemplateFields value={draft} onChange={set} problem={problem} />}
      <ScheduleFields value={draft} onChange={set} problem={problem} />
      <FormAlert problem={problem} paths={broadcastPaths(draft)} />
      <FormActions saving={saving} label={draft.sendLater ? t('broadcast.scheduleIt') : t('broadcast.sendNow')} onCancel={props.onCancel} />
    </form>
  );
}
