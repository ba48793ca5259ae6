import type { Fetch, OutboundMessage, SendFailureKind, SendResult } from '../messaging-provider.ts';
import { isE164 } from '../phone-number.ts';
import { joinUrl, requestProvider, sendFailure } from '../provider-request.ts';
import { templateParameterCount, type WhatsAppConfig } from './whatsapp.config.ts';

type Template = Extract<OutboundMessage, { kind: 'template' }>['template'];

// Graph error codes (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
// Authorization: 0 AuthException, 3 capability, 10 permission denied, 190 token expired or invalid.
const AUTH_CODES = new Set([0, 3, 10, 190]);
// Throttling and transient: 1 unknown, 2 service down, 4 app rate limit, 80007 account rate limit,
// 130429 throughput, 131048 spam rate limit, 131056 too many messages to one customer.
const TEMPORARY_CODES = new Set([1, 2, 4, 80007, 130429, 131048, 131056]);

/** POST {apiBaseUrl}/{phoneNumberId}/messages (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages). */
export async function sendWhatsAppMessage(message: OutboundMessage, config: WhatsAppConfig, fetchImpl: Fetch): Promise<SendResult> {
  const secrets = [config.accessToken, config.appSecret, config.verifyToken];
  if (!isE164(message.to)) return sendFailure('rejected', 'the recipient is not an E.164 phone number', secrets);
  const payload = buildPayload(message, config);
  if (typeof payload === 'string') return sendFailure('rejected', payload, secrets);
  const reply = await requestProvider(fetchImpl, joinUrl(config.apiBaseUrl, `${config.phoneNumberId}/messages`), {
    method: 'POST',
    headers: { authorization: `Bearer ${config.accessToken}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(payload),
  });
  if (reply.kind === 'unreachable') return sendFailure('temporary', reply.error, secrets);
  if (reply.status >= 200 && reply.status < 300) {
    const id = (reply.json as { messages?: Array<{ id?: unknown }> } | undefined)?.messages?.[0]?.id;
    if (typeof id === 'string' && id !== '') return { kind: 'sent', providerMessageId: id };
    // Meta may have accepted it: a retry could message the customer twice.
    return sendFailure('rejected', `WhatsApp answered HTTP ${reply.status} without a message id`, secrets);
  }
  const error = graphError(reply.json);
  return sendFailure(classifyGraphFailure(reply.status, error.code), describeGraphError(reply.status, error), secrets);
}

export function classifyGraphFailure(status: number, code: number | undefined): SendFailureKind {
  if (status === 401 || status === 403 || (code !== undefined && (AUTH_CODES.has(code) || (code >= 200 && code <= 299)))) return 'auth';
  if (status === 429 || status >= 500 || (code !== undefined && TEMPORARY_CODES.has(code))) return 'temporary';
  // 131047 (more than 24 hours since the customer last wrote) lands here: only a template can reach them now.
  return 'rejected';
}

export interface GraphError {
  code?: number | undefined;
  subcode?: number | undefined;
  message?: string | undefined;
  details?: string | undefined;
  traceId?: string | undefined;
}

/** Graph API errors: `{ error: { message, type, code, error_subcode, error_data: { details }, fbtrace_id } }`. */
export function graphError(json: unknown): GraphError {
  const error = (json as { error?: Record<string, unknown> } | undefined)?.error;
  if (typeof error !== 'object' || error === null) return {};
  const details = (error.error_data as { details?: unknown } | undefined)?.details;
  return {
    code: typeof error.code === 'number' ? error.code : undefined,
    subcode: typeof error.error_subcode === 'number' ? error.error_subcode : undefined,
    message: typeof error.message === 'string' ? error.message : undefined,
    details: typeof details === 'string' ? details : undefined,
    traceId: typeof error.fbtrace_id === 'string' ? error.fbtrace_id : undefined,
  };
}

export function describeGraphError(status: number, error: GraphError): string {
  const code = error.code === undefined ? '' : `, code ${error.code}${error.subcode === undefined ? '' : `/${error.subcode}`}`;
  const text = [error.message, error.details].filter((part) => part !== undefined && part !== '').join(' — ');
  const trace = error.traceId ? ` (fbtrace_id ${error.traceId})` : '';
  return `WhatsApp HTTP ${status}${code}${text ? `: ${text}` : ''}${trace}`;
}

function buildPayload(message: OutboundMessage, config: WhatsAppConfig): Record<string, unknown> | string {
  const to = message.to.slice(1);
  if (message.kind === 'template') return templatePayload(to, message.template, config);
  // Media goes out as separate image/document messages by link, which needs the media type; not built yet.
  if (message.mediaUrls && message.mediaUrls.length > 0) return 'WhatsApp attachments are not supported by this adapter yet';
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { preview_url: false, body: message.body } };
}

function templatePayload(to: string, template: Template, config: WhatsAppConfig): Record<string, unknown> | string {
  const known = config.templates.find((t) => t.name === template.name && t.language === template.language);
  // Meta is the judge of which templates exist; a known one's parameter count is checked here to fail fast.
  if (known && templateParameterCount(known.body) !== template.parameters.length) {
    return `template ${template.name} (${template.language}) takes ${templateParameterCount(known.body)} parameters, got ${template.parameters.length}`;
  }
  const components = template.parameters.length
    ? [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }]
    : [];
  return { messaging_product: 'whatsapp', to, type: 'template', template: { name: template.name, language: { code: template.language }, components } };
}
