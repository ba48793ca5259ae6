import { randomBytes } from 'node:crypto';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@tandem/core';
import { seedDemoBot } from './demo-bot.ts';
import type { Services } from '../services.ts';
import type { ServiceDeps } from '../platform/deps.ts';
import { saveTeam } from '../features/teams/team.store.ts';
import { demoChannels } from './demo-channels.ts';
import { seedDemoHistory } from './history/seed-history.ts';
import { loadDemoKnowledgeBase } from './demo-kb.ts';
import { seedDemoProactiveRules } from './demo-proactive.ts';
import { seedDemoCannedResponses } from './demo-canned.ts';

export interface DemoCredentials {
  workspace: string;
  email: string;
  password: string;
}

const DEMO_AGENTS = [
  { email: 'lan@demo.tandem.test', name: 'Nguyễn Thị Lan', role: 'admin', skills: ['vi', 'en', 'billing'] },
  { email: 'darius@demo.tandem.test', name: 'داریوش رضایی', role: 'agent', skills: ['fa', 'en'] },
  { email: 'emma@demo.tandem.test', name: 'Emma Wilson', role: 'agent', skills: ['en', 'billing', 'vip'] },
] as const;

const DEMO_CONVERSATIONS = [
  {
    identity: { kind: 'email', value: 'minh.tran@example.com' },
    name: 'Trần Văn Minh',
    channel: 'email',
    subject: 'Hoàn tiền đơn hàng #4821',
    body: 'Chào shop, tôi đã trả lại đơn hàng #4821 tuần trước nhưng chưa nhận được tiền hoàn. Nhờ kiểm tra giúp tôi.',
  },
  {
    identity: { kind: 'phone', value: '+989121234567' },
    name: 'سارا احمدی',
    channel: 'sms',
    subject: null,
    body: 'سلام، رمز عبورم را فراموش کرده‌ام و ایمیل بازیابی نمی‌رسد. لطفاً کمک کنید.',
  },
  {
    identity: { kind: 'email', value: 'olivia.brown@example.com' },
    name: 'Olivia Brown',
    channel: 'email',
    subject: 'Charged twice for my subscription',
    body: 'Hi, I was charged twice for the Pro plan this month. Can you refund the duplicate charge?',
  },
] as const;

const DEMO_WIDGET = {
  color: '#0f766e',
  position: 'right',
  greeting: {
    en: 'Hi! Ask us anything about teas, orders or delivery.',
    vi: 'Xin chào! Hãy hỏi chúng tôi bất cứ điều gì về trà, đơn hàng hay giao hàng.',
    fa: 'سلام! هر پرسشی دربارهٔ چای، سفارش یا ارسال دارید بپرسید.',
  },
} as const;

// Agents see customers' personal data masked, so a first look shows "Show personal data" (audited);
// retention stays off: the demo's history must not disappear under the visitor.
const DEMO_PRIVACY: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, maskPiiForAgents: true, retentionDays: null };

/** A workspace to look around in on first run: agents, teams per language, customers, conversations. */
export async function seedDemoWorkspace(services: Services, deps: ServiceDeps, options: { slug?: string } = {}): Promise<DemoCredentials> {
  const workspace = await services.workspaces.create({ name: 'Lotus Tea House', slug: options.slug ?? 'demo', settings: { widget: DEMO_WIDGET, vertical: 'retail', privacy: DEMO_PRIVACY } });
  const password = randomBytes(12).toString('base64url');
  const owner = await services.agents.create(
    workspace.id,
    { email: 'owner@demo.tandem.test', name: 'Demo Owner', role: 'owner', password, skills: ['en'] },
    null,
  );
  const agents = [];
  for (const agent of DEMO_AGENTS) {
    agents.push(await services.agents.create(workspace.id, { ...agent, skills: [...agent.skills], password: randomBytes(16).toString('hex') }, null));
  }
  const { db, ids, clock } = deps;
  const teams = [
    { name: 'Hỗ trợ tiếng Việt', skills: ['vi'], agentIds: [agents[0]!.id] },
    { name: 'پشتیبانی فارسی', skills: ['fa'], agentIds: [agents[1]!.id] },
    { name: 'English support', skills: ['en'], agentIds: [owner.id, agents[2]!.id] },
    { name: 'Billing', skills: ['billing'], agentIds: [agents[0]!.id, agents[2]!.id] },
  ];
  for (const team of teams) await saveTeam(db, workspace.id, { id: ids(), ...team, createdAt: clock() }, { isNew: true });
  for (const channel of demoChannels(workspace.slug)) await services.channelSettings.create(workspace.id, { ...channel, enabled: true });
  for (const c of DEMO_CONVERSATIONS) {
    const received = await services.receive.receiveFromIdentity({
      workspaceId: workspace.id,
      identity: c.identity,
      customerName: c.name,
      channel: c.channel,
      threadKey: null,
      ...(c.subject ? { subject: c.subject } : {}),
      body: c.body,
      content: {},
      idempotencyKey: null,
    });
    await services.postMessage.post({
      workspaceId: workspace.id,
      agentId: owner.id,
      conversationId: received.conversation.id,
      body: 'Customer has written before — check the timeline first.',
      private: true,
      content: {},
      idempotencyKey: null,
    });
  }
  await seedDemoKnowledgeBase(services, deps, workspace.id);
  await seedDemoBot(services, workspace.id);
  await seedDemoCannedResponses(services, workspace.id, owner.id);
  await seedDemoProactiveRules(services, workspace.id);
  // The four customer groups, as shipped: the shop's customers are served by the group they fall in.
  for (const { key, name, rule, strategy, priority } of services.segments.templates().segments) await services.segments.save(workspace.id, key, { name, rule, strategy, priority });
  await seedDemoHistory(services, deps, workspace.id, [owner.id, ...agents.map((a) => a.id)]);
  // Lan, Darius and Emma are at work: a handoff reaches whoever speaks the customer's language.
  for (const agent of agents) await services.agentRouting.setPresence(workspace.id, agent.id, { status: 'online' });
  return { workspace: workspace.slug, email: owner.email, password };
}

/** The tea shop's help center: its categories and every article in English, Vietnamese and Persian. */
export async function seedDemoKnowledgeBase(services: Services, deps: ServiceDeps, workspaceId: string): Promise<void> {
  await services.kbImport.importFolder(workspaceId, await loadDemoKnowledgeBase(), null);
}
