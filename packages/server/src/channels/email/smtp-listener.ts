import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { Logger } from 'pino';

/** What the listener asks of the product: is this a recipient we serve, and take this mail. */
export interface InboundMailHandler {
  accepts(recipient: string): Promise<boolean>;
  /** Resolves once the mail is stored (then, and only then, the listener answers 250). */
  deliver(raw: Buffer, envelope: { from: string; recipients: string[] }): Promise<{ accepted: true } | { accepted: false; reason: string }>;
}

export interface SmtpListenerOptions {
  host: string;
  port: number;
  maxBytes: number;
  perSenderPerHour: number;
  log: Logger;
  now?: () => number;
}

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

/** A sliding window per sender address (this process only; several processes each count their own). */
function senderLimiter(limit: number, now: () => number) {
  const seen = new Map<string, number[]>();
  return (sender: string): boolean => {
    const since = now() - 3_600_000;
    const times = (seen.get(sender) ?? []).filter((t) => t > since);
    if (times.length >= limit) return false;
    times.push(now());
    seen.set(sender, times);
    if (seen.size > 50_000) seen.delete(seen.keys().next().value!);
    return true;
  };
}

async function readLimited(stream: Readable & { sizeExceeded?: boolean }): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return stream.sizeExceeded ? null : Buffer.concat(chunks);
}

/**
 * The inbound SMTP listener (smtp-server). Unknown recipients are refused at RCPT TO, oversized
 * mail at DATA (552), a sender over its hourly allowance gets 451, and a mail is acknowledged
 * only once stored; a failure while storing answers 451 so the sending server retries.
 */
export async function startSmtpListener(handler: InboundMailHandler, options: SmtpListenerOptions) {
  const allow = senderLimiter(options.perSenderPerHour, options.now ?? Date.now);
  const server = new SMTPServer({
    name: 'tandem',
    banner: 'Tandem inbound mail',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes,
    logger: false,
    onMailFrom(address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) {
      if (!allow(address.address.toLowerCase())) return callback(smtpError(451, '4.7.1 Too many messages from this sender, try again later'));
      callback();
    },
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) {
      handler.accepts(address.address).then(
        (ok) => callback(ok ? null : smtpError(550, '5.1.1 No such mailbox here')),
        (error: unknown) => {
          options.log.error({ err: error }, 'inbound recipient check failed');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', recipients: session.envelope.rcptTo.map((r) => r.address) };
      readLimited(stream)
        .then(async (raw) => {
          if (!raw) return callback(smtpError(552, `5.3.4 Message larger than ${options.maxBytes} bytes`));
          const result = await handler.deliver(raw, envelope);
          if (result.accepted) return callback(null, 'Message stored');
          options.log.info({ reason: result.reason }, 'inbound email refused');
          callback(smtpError(554, `5.6.0 ${result.reason}`));
        })
        .catch((error: unknown) => {
          options.log.error({ err: error }, 'inbound email failed');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        });
    },
  });
  server.on('error', (error) => options.log.warn({ err: error }, 'smtp listener error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type SmtpListener = Awaited<ReturnType<typeof startSmtpListener>>;
