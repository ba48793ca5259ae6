/** A file to attach: its bytes are read by the sender. */
export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** An email to send. `text` is required (plain-text clients, spam filters); `html` is optional. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Defaults to MAIL_FROM. */
  from?: { name: string; address: string };
  replyTo?: string;
  /** Threading headers (RFC 5322 §3.6.4), each `<id@host>`. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: OutgoingAttachment[];
}

/**
 * Why a send failed, classified for the retry policy: the transport's own 4xx replies and
 * connection trouble are temporary, a refused login is `auth`, a 5xx refusal is final.
 */
export class MailSendError extends Error {
  readonly failure: 'temporary' | 'auth' | 'rejected';
  constructor(failure: 'temporary' | 'auth' | 'rejected', message: string, options?: { cause: unknown }) {
    super(message, options);
    this.failure = failure;
  }
}

/** The port features send email through. Resolves once the transport accepted the message. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): Promise<void>;
}
