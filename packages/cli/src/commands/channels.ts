import type { CliIo } from '../program.ts';

export interface SimulateOptions {
  url: string;
  workspace: string;
  email: string;
  password: string;
  from: string;
  text: string;
  name?: string;
}

interface Answer {
  detail?: string;
  items?: Array<{ id: string; kind: string; enabled: boolean }>;
  status?: number;
  body?: string;
}

async function json(response: Response): Promise<Answer> {
  const text = await response.text();
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return { detail: text };
  }
}

/**
 * Signs in as an admin, finds the workspace's SMS or WhatsApp channel and has the server post a
 * signed provider webhook to itself: the message then appears in the console like a real one.
 */
export async function runSimulate(io: CliIo, kind: 'sms' | 'whatsapp', options: SimulateOptions): Promise<void> {
  const base = options.url.replace(/\/$/, '');
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspace: options.workspace, email: options.email, password: options.password }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${(await json(login)).detail ?? login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const channels = await fetch(`${base}/api/v1/channels`, { headers: { cookie } });
  const channel = (await json(channels)).items?.find((c) => c.kind === kind && c.enabled);
  if (!channel) throw new Error(`workspace ${options.workspace} has no enabled ${kind} channel`);
  const simulated = await fetch(`${base}/api/v1/channels/${channel.id}/simulate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: base },
    body: JSON.stringify({ from: options.from, text: options.text, ...(options.name ? { name: options.name } : {}) }),
  });
  const result = await json(simulated);
  if (!simulated.ok || (result.status ?? 500) >= 300) throw new Error(`the webhook was refused: ${result.detail ?? result.body ?? simulated.status}`);
  io.out(`Sent a signed ${kind} webhook from ${options.from}: the webhook answered ${result.status}. Open the console to see the message.`);
}
