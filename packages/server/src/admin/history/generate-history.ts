import type { Db } from '../../adapters/postgres/database.ts';
import { conversations, csatSurveys, customers, handoffs, identities, kbArticleDaily, kbGuideEvents, kbSearches, messageDaily, messages } from '../../adapters/postgres/schema.ts';
import { CHANNELS, HANDOFF_REASONS, HOUR_WEIGHTS, INTENTS, LANGUAGES, RATINGS, WEEKDAY_WEIGHTS, WORDS, pickWeighted, skewedSeconds, type Random } from './history-shape.ts';

export interface HistoryOptions {
  workspaceId: string;
  now: Date;
  days: number;
  conversationsPerDay: number;
  /** Customers come back: a pool this large is shared by all conversations. */
  customers: number;
  agentIds: readonly string[];
  teamIds: readonly string[];
  articles: ReadonlyArray<{ id: string; key: string; title: string }>;
  guideIds: readonly string[];
  /** Hours ahead of UTC of the workspace (arrivals peak in its daytime). */
  utcOffsetHours: number;
  /** Most back-and-forth rounds after the first reply (uniform from 0): message volume grows with it. */
  roundsMax?: number;
  /** Share of conversations left open or pending (default 5%); 0 resolves them all, so a demo inbox shows only today's work. */
  openShare?: number;
  random: Random;
  newId: () => string;
}

const DAY = 86_400_000;
const BATCH = 1000;
const TYPE_OF_CHANNEL = { web: 'web', email: 'email', sms: 'phone', whatsapp: 'whatsapp' } as const;

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Weeks of plausible history written straight to the tables (customers, conversations, messages,
 * handoffs, surveys, searches, article views, guide runs), so the dashboards have something to
 * show on a first run and the analytics bench has its million messages. The analytics pass then
 * derives its rollups from these rows as it would from live ones.
 */
export async function generateHistory(db: Db, o: HistoryOptions): Promise<{ conversations: number; messages: number }> {
  const { workspaceId, random, newId } = o;
  const start = o.now.getTime() - o.days * DAY;
  // Handles unique across calls too: each call's addresses carry its own tag, numbers are drawn at random.
  const tag = newId().slice(-8);
  const numbers = new Set<string>();
  const phone = (): string => {
    const number = `+849${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    return numbers.has(number) ? phone() : (numbers.add(number), number);
  };
  const pool = Array.from({ length: o.customers }, (_, n) => {
    const channel = pickWeighted(random, CHANNELS);
    const language = pickWeighted(random, LANGUAGES);
    const value = channel === 'email' ? `customer${n}.${tag}@history.example.com` : channel === 'web' ? `visitor-${n}-${tag}` : phone();
    return { id: newId(), channel, language, identity: { kind: TYPE_OF_CHANNEL[channel], value }, createdAt: new Date(start) };
  });
  const rows = { conversations: [] as Array<typeof conversations.$inferInsert>, messages: [] as Array<typeof messages.$inferInsert>, handoffs: [] as Array<typeof handoffs.$inferInsert>, surveys: [] as Array<typeof csatSurveys.$inferInsert>, searches: [] as Array<typeof kbSearches.$inferInsert> };
  const daily = new Map<string, number>();
  const used = new Set<number>();
  for (let d = 0; d < o.days; d++) {
    const dayStart = start + d * DAY;
    const weekday = new Date(dayStart + o.utcOffsetHours * 3_600_000).getUTCDay();
    const count = Math.round(o.conversationsPerDay * (WEEKDAY_WEIGHTS[weekday]! / 8) * (0.85 + random() * 0.3));
    for (let n = 0; n < count; n++) {
      const hour = pickWeighted(random, HOUR_WEIGHTS.map((w, h) => [h, w] as const));
      const at = dayStart + (hour - o.utcOffsetHours) * 3_600_000 + Math.floor(random() * 3_600_000);
      if (at >= o.now.getTime()) continue;
      const c = Math.floor(random() * pool.length);
      used.add(c);
      conversation(pool[c]!, new Date(at));
    }
  }

  function conversation(customer: (typeof pool)[number], createdAt: Date) {
    const id = newId();
    const words = WORDS[customer.language];
    const bot = customer.channel === 'web' && random() < 0.75;
    const botResolves = bot && random() < 0.4;
    const agentId = botResolves ? null : o.agentIds[Math.floor(random() * o.agentIds.length)] ?? null;
    const thread: Array<{ author: 'customer' | 'bot' | 'agent'; at: number; body: string }> = [];
    let t = createdAt.getTime();
    const say = (author: 'customer' | 'bot' | 'agent', body: string, after: number) => thread.push({ author, at: (t += after * 1000), body });
    // A search in the widget often comes first; some find their answer and never write (self-service).
    if (customer.channel === 'web' && random() < 0.5) rows.searches.push(search(customer, new Date(t - skewedSeconds(random, 300) * 1000), random() < 0.2));
    say('customer', words.ask[Math.floor(random() * words.ask.length)]!, 0);
    if (bot) say('bot', words.reply[0]!, 2);
    if (!botResolves) {
      say('agent', words.reply[Math.floor(random() * words.reply.length)]!, skewedSeconds(random, bot ? 240 : 900));
      for (let round = Math.floor(random() * ((o.roundsMax ?? 4) + 1)); round > 0; round--) {
        say('customer', words.ask[Math.floor(random() * words.ask.length)]!, skewedSeconds(random, 600));
        say('agent', words.reply[Math.floor(random() * words.reply.length)]!, skewedSeconds(random, 400));
      }
    }
    const last = thread.at(-1)!.at;
    const openShare = o.openShare ?? 0.05;
    const resolvedAt = Math.min(last + skewedSeconds(random, 1800) * 1000, openShare === 0 ? o.now.getTime() : Number.POSITIVE_INFINITY);
    const resolved = openShare === 0 || (resolvedAt < o.now.getTime() - 3_600_000 && random() >= openShare);
    rows.conversations.push({
      workspaceId, id, customerId: customer.id, status: resolved ? 'resolved' : pickWeighted(random, [['open', 3], ['pending', 1]] as const), handler: botResolves ? 'bot' : 'agent',
      assigneeId: agentId, teamId: o.teamIds.length > 0 && agentId ? o.teamIds[Math.floor(random() * o.teamIds.length)]! : null, priority: 'normal', language: customer.language,
      channels: [customer.channel], lastChannel: customer.channel, lastSeq: thread.length, createdAt, lastActivityAt: new Date(resolved ? resolvedAt : last), resolvedAt: resolved ? new Date(resolvedAt) : null,
    });
    thread.forEach((m, i) => {
      rows.messages.push({ workspaceId, id: newId(), conversationId: id, seq: i + 1, author: m.author, authorId: m.author === 'customer' ? customer.id : m.author === 'agent' ? agentId : null, channel: customer.channel, private: false, body: m.body, deliveryStatus: m.author === 'customer' ? 'stored' : 'delivered', createdAt: new Date(m.at) });
      const key = `${new Date(m.at + o.utcOffsetHours * 3_600_000).toISOString().slice(0, 10)}|${customer.channel}|${m.author}`;
      daily.set(key, (daily.get(key) ?? 0) + 1);
    });
    if (bot && !botResolves) rows.handoffs.push(handoff(id, new Date(thread[1]!.at + 1000), customer.language));
    if (resolved && random() < 0.35) {
      rows.surveys.push({
        workspaceId, conversationId: id, customerId: customer.id, agentId, channel: customer.channel, status: 'answered', tokenHash: newId(), handedOff: bot && !botResolves,
        dueAt: new Date(resolvedAt + 3_600_000), askedAt: new Date(resolvedAt + 3_600_000), answeredAt: new Date(resolvedAt + 4_000_000), rating: pickWeighted(random, RATINGS),
        comment: random() < 0.3 ? words.ask[0]! : null, easyToReach: bot && !botResolves ? random() < 0.8 : null, createdAt: new Date(resolvedAt),
      });
    }
  }

  function search(customer: (typeof pool)[number], at: Date, zero: boolean): typeof kbSearches.$inferInsert {
    const words = WORDS[customer.language];
    const article = o.articles[Math.floor(random() * Math.max(1, o.articles.length))];
    return {
      workspaceId, id: newId(), query: words.search[Math.floor(random() * words.search.length)]!, locale: customer.language, source: 'widget',
      resultIds: zero || !article ? [] : [article.id], clickedId: !zero && article && random() < 0.6 ? article.id : null, customerId: customer.id, createdAt: at,
    };
  }

  function handoff(conversationId: string, at: Date, language: string): typeof handoffs.$inferInsert {
    const reason = pickWeighted(random, HANDOFF_REASONS);
    const article = o.articles[Math.floor(random() * Math.max(1, o.articles.length))];
    return {
      workspaceId, id: newId(), conversationId, reason, confidence: reason === 'low_confidence' ? 0.3 : 0.8, createdAt: at,
      packet: { summary: '', reason, language, intents: [{ intent: INTENTS[Math.floor(random() * INTENTS.length)]!, confidence: 0.6 }], slots: {}, flow: null,
        articlesShown: article && random() < 0.5 ? [{ key: article.key, title: article.title, helped: false }] : [], searches: [],
        pagesVisited: [{ url: pickWeighted(random, [['/checkout', 4], ['/orders', 3], ['/products/tra-sen', 2], ['/returns', 2]] as const), title: null, at: at.toISOString() }], customer: { name: null, attributes: {} }, segment: null },
    };
  }

  // Searches that found the answer: no conversation followed (what self-service resolution counts).
  for (let n = 0; n < o.days * o.conversationsPerDay * 0.6; n++) {
    const customer = pool[Math.floor(random() * pool.length)]!;
    rows.searches.push(search(customer, new Date(start + random() * (o.now.getTime() - start - DAY)), random() < 0.1));
  }
  const searchers = new Set(rows.searches.map((s) => s.customerId));
  const people = pool.filter((p, n) => used.has(n) || searchers.has(p.id));
  await insertAll(people.map((p) => ({ workspaceId, id: p.id, name: null, consent: { automation: true, behaviour: true, marketing: false }, createdAt: p.createdAt, updatedAt: p.createdAt })), (b) => db.insert(customers).values(b));
  await insertAll(people.map((p) => ({ workspaceId, id: newId(), customerId: p.id, kind: p.identity.kind, value: p.identity.value, createdAt: p.createdAt })), (b) => db.insert(identities).values(b));
  await insertAll(rows.conversations, (b) => db.insert(conversations).values(b));
  await insertAll(rows.messages, (b) => db.insert(messages).values(b));
  await insertAll(rows.handoffs, (b) => db.insert(handoffs).values(b));
  await insertAll(rows.surveys, (b) => db.insert(csatSurveys).values(b));
  await insertAll(rows.searches, (b) => db.insert(kbSearches).values(b));
  await insertAll([...daily].map(([key, count]) => {
    const [day, channel, author] = key.split('|') as [string, string, string];
    return { workspaceId, day, channel, author, count };
  }), (b) => db.insert(messageDaily).values(b).onConflictDoNothing());
  await insertAll(activity(o), (b) => db.insert(kbArticleDaily).values(b).onConflictDoNothing());
  await insertAll(guideRuns(o), (b) => db.insert(kbGuideEvents).values(b));
  return { conversations: rows.conversations.length, messages: rows.messages.length };
}

function activity(o: HistoryOptions): Array<typeof kbArticleDaily.$inferInsert> {
  return Array.from({ length: o.days }, (_, d) => new Date(o.now.getTime() - (o.days - d) * DAY).toISOString().slice(0, 10))
    .flatMap((day) => o.articles.map((a, i) => ({ workspaceId: o.workspaceId, articleId: a.id, day, views: Math.round((o.conversationsPerDay / (i + 2)) * (0.5 + o.random())) })));
}

function guideRuns(o: HistoryOptions): Array<typeof kbGuideEvents.$inferInsert> {
  const events: Array<typeof kbGuideEvents.$inferInsert> = [];
  for (let d = 0; d < o.days; d++) {
    for (const guideId of o.guideIds) {
      for (let r = Math.round(o.conversationsPerDay / 10 * o.random()); r > 0; r--) {
        const at = new Date(o.now.getTime() - (o.days - d) * DAY + o.random() * DAY);
        const runId = o.newId();
        events.push({ workspaceId: o.workspaceId, id: o.newId(), guideId, runId, stepId: null, event: 'started', channel: 'widget', createdAt: at });
        if (o.random() < 0.6) events.push({ workspaceId: o.workspaceId, id: o.newId(), guideId, runId, stepId: null, event: 'completed', channel: 'widget', createdAt: new Date(at.getTime() + 60_000) });
      }
    }
  }
  return events;
}
