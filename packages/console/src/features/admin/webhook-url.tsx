import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '@tandem/protocol';
import { CopyButton } from './copy-button.tsx';

/** Where Twilio or Meta must post a channel's messages, with a Copy button and where to paste it. */
export function WebhookUrl(props: { channel: Channel & { webhookUrl: string } }) {
  const { t } = useTranslation();
  const code = useRef<HTMLElement>(null);
  const { channel } = props;
  const select = () => {
    const selection = window.getSelection();
    if (!code.current || !selection) return;
    selection.selectAllChildren(code.current);
  };
  return (
    <div className="field">
      <div className="admin-row">
        <code ref={code} dir="ltr">{channel.webhookUrl}</code>
        <CopyButton text={channel.webhookUrl} select={select} label={t('admin.copyWebhookNamed', { name: channel.name })} />
      </div>
      <p className="field__hint">{channel.kind === 'whatsapp' ? t('admin.webhookHintWhatsapp') : t('admin.webhookHintSms')}</p>
    </div>
  );
}
