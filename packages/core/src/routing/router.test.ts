import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CAPACITY, NO_LOAD, type Load } from './capacity.ts';
import { chooseAgent, ringsOf, type QueuePolicy, type RoutingAgent, type RoutingRequest } from './router.ts';

const now = new Date('2026-12-06T10:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

function agent(id: string, over: Partial<RoutingAgent> = {}): RoutingAgent {
  return { id, name: id, status: 'online', teamIds: ['support'], skills: ['en', 'vi'], capacity: DEFAULT_CAPACITY, load: NO_LOAD, lastAssignedAt: null, ...over };
}
const load = (async: number, live = 0, voice = 0): Load => ({ async, live, voice });
function request(over: Partial<RoutingRequest> = {}): RoutingRequest {
  return { conversationId: 'c1', capacityKind: 'async', language: 'vi', skills: [], queuedAt: now, lastAgent: null, targetAgentId: null, ...over };
}
const policy = (over: Partial<QueuePolicy> = {}): QueuePolicy => ({
  teamId: 'support', method: 'least-loaded', requiredSkills: [], optionalSkills: [], stickyWindowSeconds: 3600, overflow: [], ...over,
});

describe('chooseAgent', () => {
  it('picks the least-loaded agent who speaks the language, and says why', () => {
    const agents = [agent('lan', { load: load(3) }), agent('minh', { load: load(1) }), agent('sam', { skills: ['en'], load: load(0) })];
    const decision = chooseAgent(request(), agents, policy(), now);
    assert.equal(decision.kind, 'assigned');
    assert.equal(decision.kind === 'assigned' && decision.agentId, 'minh');
    assert.equal(decision.kind === 'assigned' && decision.reason, 'assigned to minh: skills vi, load 1/8 async, least-loaded');
  });

  it('requires the customer’s language only where some agent lists it', () => {
    const agents = [agent('sam', { skills: ['en'] }), agent('kim', { skills: [] })];
    assert.equal(chooseAgent(request({ language: 'fa' }), agents, policy(), now).kind, 'assigned');
    assert.equal((chooseAgent(request({ language: 'en' }), agents, policy(), now) as { agentId: string }).agentId, 'sam');
    const offline = [agent('sam', { skills: ['en'], status: 'offline' }), agent('kim', { skills: [] })];
    assert.equal(chooseAgent(request({ language: 'en' }), offline, policy(), now).kind, 'queued', 'Sam speaks it: wait for Sam');
  });

  it('weighs load by channel kind: a full live-chat slate counts as much as a full async one', () => {
    const agents = [agent('chatty', { load: load(0, 3) }), agent('mailer', { load: load(4) })];
    const decision = chooseAgent(request(), agents, policy(), now);
    assert.equal(decision.kind === 'assigned' && decision.agentId, 'mailer');
  });

  it('never assigns an agent at capacity for the channel kind, nor one away or offline', () => {
    const agents = [agent('full', { load: load(8) }), agent('away', { status: 'away' }), agent('off', { status: 'offline' })];
    const decision = chooseAgent(request(), agents, policy(), now);
    assert.equal(decision.kind, 'queued');
    const voice = chooseAgent(request({ capacityKind: 'voice' }), [agent('oncall', { load: load(0, 0, 1) })], policy(), now);
    assert.equal(voice.kind, 'queued');
  });

  it('breaks load ties by who has waited longest for work, then by id', () => {
    const agents = [agent('b', { lastAssignedAt: secondsAgo(10) }), agent('c', { lastAssignedAt: secondsAgo(300) }), agent('a', { lastAssignedAt: secondsAgo(10) })];
    assert.equal((chooseAgent(request(), agents, policy(), now) as { agentId: string }).agentId, 'c');
    const fresh = [agent('b'), agent('a')];
    assert.equal((chooseAgent(request(), fresh, policy(), now) as { agentId: string }).agentId, 'a');
  });

  it('round-robin takes the next agent after the last one assigned, wrapping around', () => {
    const agents = [agent('a', { load: load(5) }), agent('b'), agent('c')];
    const rr = policy({ method: 'round-robin' });
    assert.equal((chooseAgent(request(), agents, rr, now, 'a') as { agentId: string }).agentId, 'b');
    assert.equal((chooseAgent(request(), agents, rr, now, 'b') as { agentId: string }).agentId, 'c');
    assert.equal((chooseAgent(request(), agents, rr, now, 'c') as { agentId: string }).agentId, 'a');
    assert.equal((chooseAgent(request(), agents, rr, now, null) as { agentId: string }).agentId, 'a');
  });

  it('manual queues leave the conversation for agents to pick', () => {
    const decision = chooseAgent(request(), [agent('a')], policy({ method: 'manual' }), now);
    assert.deepEqual(decision, { kind: 'queued', reason: 'manual: waits for an agent to pick it' });
  });

  it('sends a returning customer back to their last agent within the window, if free', () => {
    const agents = [agent('lan', { load: load(6) }), agent('minh')];
    const back = request({ lastAgent: { id: 'lan', at: secondsAgo(600) } });
    const sticky = chooseAgent(back, agents, policy(), now);
    assert.equal(sticky.kind === 'assigned' && sticky.rule, 'sticky');
    assert.equal(sticky.kind === 'assigned' && sticky.agentId, 'lan');
    assert.equal((chooseAgent(back, agents, policy({ stickyWindowSeconds: 300 }), now) as { agentId: string }).agentId, 'minh');
    const busy = [agent('lan', { load: load(8) }), agent('minh')];
    assert.equal((chooseAgent(back, busy, policy(), now) as { agentId: string }).agentId, 'minh');
  });

  it('a handoff aimed at one agent goes to them when they can take it, else to the team', () => {
    const agents = [agent('lan', { load: load(7) }), agent('minh')];
    const aimed = chooseAgent(request({ targetAgentId: 'lan' }), agents, policy(), now);
    assert.equal(aimed.kind === 'assigned' && aimed.rule, 'target');
    const off = chooseAgent(request({ targetAgentId: 'lan' }), [agent('lan', { status: 'offline' }), agent('minh')], policy(), now);
    assert.equal(off.kind === 'assigned' && off.agentId, 'minh');
  });

  it('widens the bullseye as the wait grows: optional skills first, then other teams', () => {
    const bullseye = policy({
      requiredSkills: ['billing'],
      optionalSkills: ['vip'],
      overflow: [{ afterSeconds: 30, widen: 'optional-skills' }, { afterSeconds: 120, widen: 'teams', teamIds: ['backoffice'] }],
    });
    const agents = [agent('plain', { skills: ['vi', 'billing'] }), agent('far', { teamIds: ['backoffice'], skills: ['vi', 'billing', 'vip'] })];
    assert.equal(chooseAgent(request({ queuedAt: secondsAgo(5) }), agents, bullseye, now).kind, 'queued');
    const ring1 = chooseAgent(request({ queuedAt: secondsAgo(45) }), agents, bullseye, now);
    assert.equal(ring1.kind === 'assigned' && ring1.agentId, 'plain');
    assert.equal(ring1.kind === 'assigned' && ring1.ring, 1);
    const onlyFar = [agent('plain', { skills: ['vi', 'billing'], status: 'away' }), agents[1]!];
    assert.equal(chooseAgent(request({ queuedAt: secondsAgo(45) }), onlyFar, bullseye, now).kind, 'queued');
    const ring2 = chooseAgent(request({ queuedAt: secondsAgo(150) }), onlyFar, bullseye, now);
    assert.equal(ring2.kind === 'assigned' && ring2.agentId, 'far');
    assert.equal(ring2.kind === 'assigned' && ring2.ring, 2);
  });

  it('tells how long until the next ring opens while it waits', () => {
    const decision = chooseAgent(request({ queuedAt: secondsAgo(20) }), [], policy({ overflow: [{ afterSeconds: 60, widen: 'optional-skills' }] }), now);
    assert.deepEqual(decision, { kind: 'queued', reason: 'no free agent in ring 0; widens in 40 s' });
  });
});

describe('ringsOf', () => {
  it('adds the conversation’s language and skills to the policy’s required skills', () => {
    const rings = ringsOf(policy({ requiredSkills: ['billing'], optionalSkills: ['vip'], overflow: [{ afterSeconds: 10, widen: 'optional-skills' }] }), { language: 'fa', skills: ['refunds'] });
    assert.deepEqual(rings.map((r) => r.skills), [['billing', 'refunds', 'fa', 'vip'], ['billing', 'refunds', 'fa']]);
  });
});
