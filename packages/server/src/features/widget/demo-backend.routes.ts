import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findWebhook } from '../bot/bot.store.ts';
import { signWebhook } from '../bot/webhook-caller.ts';
import { findWorkspaceBySlug } from '../workspaces/workspace.store.ts';

/** The demo shop's backend, served by the product itself; the demo bot's `shop` webhook points here. */
export const DEMO_BACKEND_PATH = '/demo/backend/orders';

const ORDERS: Record<string, { status: Record<string, string>; eta: string }> = {
  'A-1042': { status: { en: 'shipped, with the courier', vi: 'đã giao cho đơn vị vận chuyển', fa: 'ارسال شده و در دست پیک است' }, eta: '2 days' },
  'A-2077': { status: { en: 'being packed', vi: 'đang được đóng gói', fa: 'در حال بسته‌بندی' }, eta: '4 days' },
};
const Body = z.object({ input: z.object({ orderNumber: z.string().max(64) }) });

/**
 * The demo shop's own backend, which the demo bot's order-status flow calls: it checks the
 * request's signature like a real shop would, then answers from two made-up orders.
 */
export function registerDemoBackend(app: FastifyInstance, deps: ServiceDeps): void {
  app.post(DEMO_BACKEND_PATH, { schema: { hide: true } }, async (request, reply) => {
    const workspace = await findWorkspaceBySlug(deps.db, 'demo');
    const webhook = workspace ? await findWebhook(deps.db, workspace.id, 'shop') : null;
    const timestamp = Number(request.headers['x-tandem-timestamp']);
    const given = Buffer.from(String(request.headers['x-tandem-signature'] ?? ''));
    const expected = Buffer.from(webhook ? signWebhook(webhook.secret, timestamp, JSON.stringify(request.body)) : '');
    if (!webhook || given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.code(401).send({ error: 'bad signature' });
    const body = Body.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'orderNumber required' });
    const order = ORDERS[body.data.input.orderNumber.toUpperCase()];
    return order ? { found: true, ...order } : { found: false };
  });
}
