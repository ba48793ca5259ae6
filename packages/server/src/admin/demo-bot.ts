import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { BotIntentBody, FlowDefinition } from '@tandem/protocol';
import type { FlowDefinition as CoreFlow } from '@tandem/core';
import type { Services } from '../services.ts';

import { DEMO_BACKEND_PATH } from '../features/widget/demo-backend.routes.ts';

const DIR = new URL('./demo-bot/', import.meta.url);

/** The demo bot's intents and flows, parsed with the same schemas as the API (a broken file fails loudly). */
export async function loadDemoBot() {
  const intents = z.record(z.string(), BotIntentBody).parse(parse(await readFile(new URL('intents.yaml', DIR), 'utf8')));
  const flows = z.array(FlowDefinition).parse(parse(await readFile(new URL('flows.yaml', DIR), 'utf8')));
  return { intents, flows: flows as CoreFlow[] };
}

/** Webhook, flows, intents, then a first training, so the bot answers as soon as the demo starts. */
export async function seedDemoBot(services: Services, workspaceId: string): Promise<void> {
  const { intents, flows } = await loadDemoBot();
  await services.bot.saveWebhook(workspaceId, 'shop', { url: DEMO_BACKEND_PATH, secret: randomBytes(24).toString('base64url'), timeoutMs: 3000 });
  for (const flow of flows) await services.bot.saveFlow(workspaceId, flow);
  for (const [key, body] of Object.entries(intents)) await services.bot.saveIntent(workspaceId, key, body);
  await services.botModels.settled();
  await services.botModels.retrain(workspaceId);
}
