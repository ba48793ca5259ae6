// A real loopback HTTP server standing in for the Twilio REST API and the WhatsApp Graph API,
// so provider adapters are tested over the wire. It records every request and can be told to
// fail the next matching one (status + body, or a dropped connection).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { twilioSid, whatsAppMessageId } from '../src/channels/simulated-payloads.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Form bodies as a record (repeated names become arrays), JSON parsed, anything else as text. */
  body: unknown;
}

export interface FakeProviderCredentials {
  twilioAccountSid: string;
  twilioAuthToken: string;
  whatsAppAccessToken: string;
}

export const FAKE_CREDENTIALS: FakeProviderCredentials = {
  twilioAccountSid: `AC${'0123456789abcdef'.repeat(2)}`,
  twilioAuthToken: 'f3b5c8d2e1a04b6c9d7e8f1a2b3c4d5e',
  whatsAppAccessToken: 'EAAGfakeWhatsAppAccessToken0123456789',
};

export interface FakeProviders {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Serves bytes at GET /media/:name; a numeric name is also a WhatsApp media id (GET /:name). */
  addMedia(name: string, bytes: Buffer, contentType: string, options?: { declareLength?: boolean }): void;
  /** Answers GET `path` with a 302 to `location` (Twilio's media URLs redirect to a CDN). */
  addRedirect(path: string, location: string): void;
  /** The next request whose path matches gets this answer instead ('disconnect' drops the socket). */
  failNext(path: RegExp, status: number | 'disconnect', body?: unknown): void;
  close(): Promise<void>;
}

interface Media { bytes: Buffer; contentType: string; declareLength: boolean }
interface Failure { path: RegExp; status: number | 'disconnect'; body: unknown }

const TWILIO_MESSAGES = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const GRAPH_MESSAGES = /^\/(\d+)\/messages$/;
const GRAPH_MEDIA = /^\/(\d+)$/;

export async function startFakeProviders(credentials: FakeProviderCredentials = FAKE_CREDENTIALS): Promise<FakeProviders> {
  const requests: RecordedRequest[] = [];
  const media = new Map<string, Media>();
  const redirects = new Map<string, string>();
  const failures: Failure[] = [];
  let baseUrl = '';

  const server = createServer((req, res) => {
    readBody(req).then((raw) => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      requests.push({ method: req.method ?? '', path, headers: req.headers, body: parseBody(req.headers['content-type'], raw) });
      const failure = failures.findIndex((f) => f.path.test(path));
      if (failure !== -1) {
        const [{ status, body }] = failures.splice(failure, 1) as [Failure];
        if (status === 'disconnect') return void req.socket.destroy();
        return send(res, status, body);
      }
      const location = redirects.get(path);
      if (req.method === 'GET' && location) return void res.writeHead(302, { location }).end();
      route(req, res, path, requests.at(-1)?.body);
    }, (error: Error) => send(res, 500, { error: error.message }));
  });

  function route(req: IncomingMessage, res: ServerResponse, path: string, body: unknown): void {
    const twilio = TWILIO_MESSAGES.exec(path);
    if (req.method === 'POST' && twilio) return twilioSend(req, res, twilio[1] ?? '', body as Record<string, string>);
    const item = path.startsWith('/media/') ? media.get(decodeURIComponent(path.slice('/media/'.length))) : undefined;
    if (req.method === 'GET' && item) return serveMedia(res, item);
    if (req.method === 'POST' && GRAPH_MESSAGES.test(path)) return graphSend(req, res, body);
    const mediaId = GRAPH_MEDIA.exec(path)?.[1];
    if (req.method === 'GET' && mediaId) return graphMedia(req, res, mediaId);
    send(res, 404, { error: `no fake route for ${req.method} ${path}` });
  }

  function twilioSend(req: IncomingMessage, res: ServerResponse, accountSid: string, form: Record<string, string>): void {
    const expected = `Basic ${Buffer.from(`${credentials.twilioAccountSid}:${credentials.twilioAuthToken}`).toString('base64')}`;
    if (accountSid !== credentials.twilioAccountSid || req.headers.authorization !== expected) {
      return send(res, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    }
    if (!form?.To) return send(res, 400, { code: 21604, message: "A 'To' phone number is required.", more_info: 'https://www.twilio.com/docs/errors/21604', status: 400 });
    const sid = twilioSid('SM');
    send(res, 201, { sid, account_sid: accountSid, status: 'queued', to: form.To, from: form.From, body: form.Body, num_media: '0', api_version: '2010-04-01', uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json` });
  }

  function graphSend(req: IncomingMessage, res: ServerResponse, body: unknown): void {
    if (req.headers.authorization !== `Bearer ${credentials.whatsAppAccessToken}`) return send(res, 401, graphError(190, 'Invalid OAuth access token - Cannot parse access token', 'OAuthException'));
    const to = (body as { to?: unknown } | undefined)?.to;
    if ((body as { messaging_product?: unknown } | undefined)?.messaging_product !== 'whatsapp' || typeof to !== 'string' || !/^\d+$/.test(to)) {
      return send(res, 400, graphError(100, '(#100) Invalid parameter', 'OAuthException'));
    }
    send(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: whatsAppMessageId() }] });
  }

  function graphMedia(req: IncomingMessage, res: ServerResponse, mediaId: string): void {
    if (req.headers.authorization !== `Bearer ${credentials.whatsAppAccessToken}`) return send(res, 401, graphError(190, 'Invalid OAuth access token - Cannot parse access token', 'OAuthException'));
    const item = media.get(mediaId);
    if (!item) return send(res, 404, graphError(100, `Unsupported get request. Object with ID '${mediaId}' does not exist`, 'GraphMethodException'));
    send(res, 200, { url: `${baseUrl}/media/${mediaId}`, mime_type: item.contentType, sha256: 'fake', file_size: item.bytes.length, id: mediaId, messaging_product: 'whatsapp' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    requests,
    addMedia: (name, bytes, contentType, options = {}) => void media.set(name, { bytes, contentType, declareLength: options.declareLength ?? true }),
    addRedirect: (path, location) => void redirects.set(path, location),
    failNext: (path, status, body) => void failures.push({ path, status, body }),
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

function serveMedia(res: ServerResponse, item: Media): void {
  if (item.declareLength) return void res.writeHead(200, { 'content-type': item.contentType, 'content-length': item.bytes.length }).end(item.bytes);
  // No Content-Length: chunked, so the client can only learn the size by counting.
  res.writeHead(200, { 'content-type': item.contentType });
  for (let offset = 0; offset < item.bytes.length; offset += 64 * 1024) res.write(item.bytes.subarray(offset, offset + 64 * 1024));
  res.end();
}

function graphError(code: number, message: string, type: string): unknown {
  return { error: { message, type, code, fbtrace_id: 'AbCdEfGhIjKlMnOp' } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' }).end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(contentType: string | undefined, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const form: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(text)) {
      const seen = form[name];
      form[name] = seen === undefined ? value : [...[seen].flat(), value];
    }
    return form;
  }
  if (contentType?.startsWith('application/json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      if (error instanceof SyntaxError) return text;
      throw error;
    }
  }
  return text;
}
