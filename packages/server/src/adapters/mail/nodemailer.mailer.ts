import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Logger } from 'pino';
import { MailSendError, type Mailer, type OutgoingEmail } from './mailer.ts';

const toMail = (email: OutgoingEmail, from: string): Mail.Options => ({
  from: email.from ? { name: email.from.name, address: email.from.address } : from,
  to: email.to,
  subject: email.subject,
  text: email.text,
  ...(email.html ? { html: email.html } : {}),
  ...(email.replyTo ? { replyTo: email.replyTo } : {}),
  ...(email.messageId ? { messageId: email.messageId } : {}),
  ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
  ...(email.references?.length ? { references: email.references } : {}),
  ...(email.headers ? { headers: email.headers } : {}),
  ...(email.attachments?.length ? { attachments: email.attachments } : {}),
});

/** SMTP reply codes and socket errors, as the retry policy needs them. */
function classify(error: unknown): MailSendError {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const text = `${e.responseCode ?? e.code ?? 'error'}: ${(e.message ?? 'send failed').slice(0, 300)}`;
  if (e.code === 'EAUTH' || e.responseCode === 535 || e.responseCode === 530) return new MailSendError('auth', text, { cause: error });
  if (e.responseCode !== undefined && e.responseCode >= 500) return new MailSendError('rejected', text, { cause: error });
  return new MailSendError('temporary', text, { cause: error });
}

/** Keeps connections open between messages (a broadcast sends thousands), unless the URL says `pool=false`. */
function pooled(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
  return parsed.toString();
}

/** Real SMTP delivery (SMTP_URL). The transport pools connections and retries nothing: callers decide. */
export function createSmtpMailer(options: { url: string; from: string; log: Logger }): Mailer {
  const transport = nodemailer.createTransport(pooled(options.url));
  return {
    async send(email) {
      const info = await transport.sendMail(toMail(email, options.from)).catch((error: unknown) => {
        throw classify(error);
      });
      options.log.info({ messageId: info.messageId }, 'email sent');
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * The one-machine default: each email is written as an .eml file under `dir`, so nothing is
 * lost and an operator can open it. The log names the file, never the address or the body
 * (links in it are secrets).
 */
export function createOutboxMailer(options: { dir: string; from: string; log: Logger }): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(email) {
      const info = await transport.sendMail(toMail(email, options.from));
      await mkdir(options.dir, { recursive: true });
      const file = join(options.dir, `${Date.now()}-${info.messageId.replace(/[^A-Za-z0-9.-]/g, '')}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      options.log.info({ file }, 'email written to the outbox (set SMTP_URL to send it)');
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
