/** An email to send. `text` is required (plain-text clients, spam filters); `html` is optional. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** The port features send email through. Resolves once the transport accepted the message. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): Promise<void>;
}
