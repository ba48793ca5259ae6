export const EMAIL_KINDS = ['personal', 'auto_reply', 'bounce', 'bulk'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** Raw header values of an inbound email (absent headers left out). */
export interface EmailClassificationHeaders {
  autoSubmitted?: string | undefined;
  precedence?: string | undefined;
  xAutoreply?: string | undefined;
  xAutorespond?: string | undefined;
  xAutoResponseSuppress?: string | undefined;
  listId?: string | undefined;
  listUnsubscribe?: string | undefined;
  returnPath?: string | undefined;
  from?: string | undefined;
  contentType?: string | undefined;
  reportType?: string | undefined;
  subject?: string | undefined;
}

const BOUNCE_SENDERS = ['mailer-daemon', 'postmaster'];
const BOUNCE_SUBJECT =
  /^(undeliver(ed|able)|undelivered mail|delivery status notification|delivery (has )?failed|mail delivery (failed|subsystem)|returned mail|failure notice|non-?delivery)/i;
// Anchored and ending in a colon (or the end): "Out of office hours?" is a customer's question.
const AUTO_REPLY_SUBJECT =
  /^((out of (the )?office( auto-?reply)?|automatic reply|auto-?reply|abwesenheitsnotiz|trả lời tự động|پاسخ خودکار)\s*(:|$)|auto\s*:)/iu;

const token = (value: string | undefined): string =>
  (value ?? '').split(/[;(]/, 1)[0]?.trim().toLowerCase() ?? '';

const present = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';

function senderLocalPart(from: string | undefined): string {
  const address = /<([^<>]*)>/.exec(from ?? '')?.[1] ?? from ?? '';
  const at = address.lastIndexOf('@');
  return (at === -1 ? '' : address.slice(0, at)).trim().toLowerCase();
}

function reportTypeOf(h: EmailClassificationHeaders): string {
  if (h.reportType !== undefined) return h.reportType.trim().toLowerCase();
  return /report-type\s*=\s*"?([\w-]+)/i.exec(h.contentType ?? '')?.[1]?.toLowerCase() ?? '';
}

function isBounce(h: EmailClassificationHeaders): boolean {
  const isReport = token(h.contentType) === 'multipart/report';
  const reportType = reportTypeOf(h);
  if (isReport && reportType === 'delivery-status') return true;
  if (BOUNCE_SENDERS.includes(senderLocalPart(h.from))) return true;
  // RFC 3834 asks auto-replies to use the null sender too, so `<>` alone is not a bounce.
  const nullSender = (h.returnPath ?? '').replace(/\s/g, '') === '<>';
  const subject = (h.subject ?? '').trim();
  return nullSender && ((isReport && reportType === '') || BOUNCE_SUBJECT.test(subject));
}

function isAutoReply(h: EmailClassificationHeaders): boolean {
  const autoSubmitted = token(h.autoSubmitted);
  if (autoSubmitted !== '' && autoSubmitted !== 'no') return true;
  // A read receipt (RFC 8098) is machine-sent as well.
  if (token(h.contentType) === 'multipart/report' && reportTypeOf(h) === 'disposition-notification') return true;
  if (['auto_reply', 'auto-reply'].includes(token(h.precedence))) return true;
  if (present(h.xAutoreply) && !['no', 'false'].includes(token(h.xAutoreply))) return true;
  if (present(h.xAutorespond)) return true;
  const suppress = (h.xAutoResponseSuppress ?? '').toLowerCase().split(/[\s,]+/);
  return suppress.includes('all') || suppress.includes('oof');
}

function isBulk(h: EmailClassificationHeaders): boolean {
  return ['bulk', 'junk', 'list'].includes(token(h.precedence)) || present(h.listId) || present(h.listUnsubscribe);
}

/**
 * What kind of sender wrote an inbound email, so that machines never get an answer (or an
 * auto-acknowledgement) and mail loops cannot start. Bounces first: a DSN often carries
 * `Auto-Submitted: auto-replied` as well.
 */
export function classifyEmail(h: EmailClassificationHeaders): EmailKind {
  if (isBounce(h)) return 'bounce';
  if (isAutoReply(h)) return 'auto_reply';
  if (isBulk(h)) return 'bulk';
  if (AUTO_REPLY_SUBJECT.test((h.subject ?? '').normalize('NFC').trim())) return 'auto_reply';
  return 'personal';
}

export const isAnswerable = (kind: EmailKind): boolean => kind === 'personal';
