import type { Fetch, OutboundMessage, SendFailureKind, SendResult } from '../messaging-provider.ts';
import { joinUrl, requestProvider, sendFailure } from '../provider-request.ts';
import type { TwilioConfig } from './twilio.config.ts';

/** POST /2010-04-01/Accounts/{AccountSid}/Messages.json (https://www.twilio.com/docs/messaging/api/message-resource). */
export async function sendTwilioMessage(message: OutboundMessage, config: TwilioConfig, fetchImpl: Fetch): Promise<SendResult> {
  const secrets = [config.authToken, twilioBasicAuth(config)];
  if (message.kind === 'template') return sendFailure('rejected', 'SMS has no templates', secrets);
  const form = new URLSearchParams({ To: message.to, From: config.phoneNumber, Body: message.body });
  for (const url of message.mediaUrls ?? []) form.append('MediaUrl', url);
  const reply = await requestProvider(fetchImpl, joinUrl(config.apiBaseUrl, `2010-04-01/Accounts/${config.accountSid}/Messages.json`), {
    method: 'POST',
    headers: { authorization: twilioBasicAuth(config), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  if (reply.kind === 'unreachable') return sendFailure('temporary', reply.error, secrets);
  if (reply.status >= 200 && reply.status < 300) {
    const sid = (reply.json as { sid?: unknown } | undefined)?.sid;
    if (typeof sid === 'string' && sid !== '') return { kind: 'sent', providerMessageId: sid };
    // Twilio may well have queued it: a retry could text the customer twice.
    return sendFailure('rejected', `Twilio answered HTTP ${reply.status} without a message sid`, secrets);
  }
  return sendFailure(classifyTwilioStatus(reply.status), twilioErrorText(reply.status, reply.json), secrets);
}

export function classifyTwilioStatus(status: number): SendFailureKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429 || status >= 500) return 'temporary';
  return 'rejected';
}

export function twilioBasicAuth(config: Pick<TwilioConfig, 'accountSid' | 'authToken'>): string {
  return `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
}

// Twilio's REST errors: { code, message, more_info, status } (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).
function twilioErrorText(status: number, json: unknown): string {
  const { code, message } = (typeof json === 'object' && json !== null ? json : {}) as { code?: unknown; message?: unknown };
  const detail = [typeof code === 'number' || typeof code === 'string' ? String(code) : '', typeof message === 'string' ? message : '']
    .filter((part) => part !== '')
    .join(': ');
  return detail ? `Twilio HTTP ${status}, ${detail}` : `Twilio HTTP ${status}`;
}
