import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Mailer } from './mailer.ts';

/** Real SMTP delivery (SMTP_URL). The transport pools connections and retries nothing: callers decide. */
export function createSmtpMailer(options: { url: string; from: string; log: Logger }): Mailer {
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(email) {
      const info = await transport.sendMail({ from: options.from, ...email });
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
      const info = await transport.sendMail({ from: options.from, ...email });
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
