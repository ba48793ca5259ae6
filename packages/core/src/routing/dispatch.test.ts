import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CAPACITY, NO_LOAD } from './capacity.ts';
import { dispatch, type QueuedConversation } from './dispatch.ts';
import { priorityScore, queueOrder } from './priority.ts';
import type { QueuePolicy, RoutingAgent } from './router.ts';

const now = new Date('2026-12-06T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const policy: QueuePolicy = { teamId: 'support', method: 'least-loaded', requiredSkills: [], optionalSkills: [], stickyWindowSeconds: 0, overflow: [] };

function waiting(id: string, over: Partial<QueuedConversation> = {}): QueuedConversation {
  return { conversationId: id, priority: 'normal', queuedAt: minutesAgo(1), complaint: false, vip: false, slaDueAt: null, capacityKind: 'async', language: null, skills: [], lastAgent: null, targetAgentId: null, teamId: null, ...over };
}
const agent = (id: string, over: Partial<RoutingAgent> = {}): RoutingAgent => ({ id, name: id, status: 'online', teamIds: ['support'], skills: [], capacity: { ...DEFAULT_CAPACITY, async: 2 }, load: NO_LOAD, lastAssignedAt: null, ...over });

describe('priority', () => {
  it('boosts complaints, VIPs, SLAs about to breach and long waits, and says which', () => {
    const base = priorityScore(waiting('a', { queuedAt: now }), now);
    assert.deepEqual(base, { score: 1000, boosts: [] });
    const boosted = priorityScore(waiting('b', { complaint: true, vip: true, slaDueAt: new Date(now.getTime() + 60_000), queuedAt: minutesAgo(12) }), now);
    assert.deepEqual(boosted.boosts, ['complaint', 'vip', 'sla at risk', 'waited 12 min']);
    assert.equal(boosted.score, 1000 + 1000 + 1000 + 1500 + 120);
    assert.equal(priorityScore(waiting('c', { queuedAt: minutesAgo(600) }), now).score, 1000 + 900, 'the waiting boost is capped');
  });

  it('orders the queue by score, then by who waited longest', () => {
    const order = queueOrder([waiting('low', { priority: 'low' }), waiting('old', { queuedAt: minutesAgo(5) }), waiting('new', { queuedAt: minutesAgo(1) }), waiting('urgent', { priority: 'urgent' })], now);
    assert.deepEqual(order.map((w) => w.conversationId), ['urgent', 'old', 'new', 'low']);
  });
});

describe('dispatch', () => {
  it('hands out the queue most urgent first and never past anyone’s capacity', () => {
    const queue = [waiting('w1'), waiting('w2'), waiting('w3', { priority: 'urgent' }), waiting('w4'), waiting('w5'), waiting('w6')];
    const plan = dispatch(queue, [agent('a'), agent('b')], new Map(), policy, now);
    assert.equal(plan.length, 4, 'two agents with room for two each');
    assert.equal(plan[0]!.conversationId, 'w3');
    const perAgent = new Map<string, number>();
    for (const p of plan) perAgent.set(p.agentId, (perAgent.get(p.agentId) ?? 0) + 1);
    assert.deepEqual([...perAgent.values()], [2, 2]);
  });

  it('uses each conversation’s team policy, and round-robin moves its cursor', () => {
    const rr: QueuePolicy = { ...policy, teamId: 'sales', method: 'round-robin' };
    const agents = [agent('s1', { teamIds: ['sales'] }), agent('s2', { teamIds: ['sales'] }), agent('x', { teamIds: ['support'] })];
    const cursors = new Map<string, string>();
    const plan = dispatch([waiting('a', { teamId: 'sales', queuedAt: minutesAgo(3) }), waiting('b', { teamId: 'sales', queuedAt: minutesAgo(2) })], agents, new Map([['sales', rr]]), policy, now, cursors);
    assert.deepEqual(plan.map((p) => p.agentId), ['s1', 's2']);
    assert.equal(cursors.get('sales'), 's2');
  });

  it('skips what nobody can take and goes on with the rest', () => {
    const agents = [agent('lan', { skills: ['vi'] }), agent('reza', { skills: ['fa'], status: 'offline' })];
    const plan = dispatch([waiting('fa', { language: 'fa', queuedAt: minutesAgo(9) }), waiting('vi', { language: 'vi' })], agents, new Map(), policy, now);
    assert.deepEqual(plan.map((p) => p.conversationId), ['vi']);
  });
});
