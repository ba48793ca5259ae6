import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_COMEBACK_DAYS, honestResolution, looseResolution, type HonestResolution, type Resolution, type ResolutionSource } from './honest-resolution.ts';

const now = new Date('2026-11-30T00:00:00Z');
const resolved = (resolvedBy: ResolutionSource, resolvedAt: string, back: string | null = null): Resolution => ({
  resolvedBy, resolvedAt: new Date(resolvedAt), customerNextActivityAt: back === null ? null : new Date(back),
});
const only = (bucket: keyof HonestResolution): HonestResolution => ({ bot: 0, selfService: 0, agent: 0, cameBack: 0, pending: 0, [bucket]: 1 });

// Windows are 7 × 24 h = 168 h; a resolution on 20 Nov 10:00Z is decided at 27 Nov 10:00Z.
const cases: Array<[string, Resolution, keyof HonestResolution]> = [
  ['a bot resolution nobody came back about, with the window over, is the bot’s', resolved('bot', '2026-11-20T10:00:00Z'), 'bot'],
  // 25 Nov 09:00 is 4 d 23 h after 20 Nov 10:00: inside the window.
  ['coming back within the window takes the resolution from the bot', resolved('bot', '2026-11-20T10:00:00Z', '2026-11-25T09:00:00Z'), 'cameBack'],
  // 27 Nov 09:59 is 1 minute before the end (27 Nov 10:00).
  ['coming back in the window’s last minute still counts', resolved('bot', '2026-11-20T10:00:00Z', '2026-11-27T09:59:00Z'), 'cameBack'],
  // 27 Nov 10:00 is exactly 168 h later: the window is half-open, so this is too late.
  ['coming back exactly 7 × 24 h later is too late to count against it', resolved('bot', '2026-11-20T10:00:00Z', '2026-11-27T10:00:00Z'), 'bot'],
  ['coming back after the window leaves the resolution standing', resolved('bot', '2026-11-20T10:00:00Z', '2026-11-29T10:00:00Z'), 'bot'],
  ['activity before the resolution is not a comeback', resolved('bot', '2026-11-20T10:00:00Z', '2026-11-20T09:00:00Z'), 'bot'],
  ['a self-service resolution follows the same rule', resolved('self_service', '2026-11-21T00:00:00Z'), 'selfService'],
  ['a self-service resolution the customer came back about is not one', resolved('self_service', '2026-11-21T00:00:00Z', '2026-11-21T00:05:00Z'), 'cameBack'],
  // Resolved 25 Nov: the window ends 2 Dec, after now (30 Nov).
  ['a quiet customer inside the window is pending, counted neither way', resolved('bot', '2026-11-25T00:00:00Z'), 'pending'],
  ['a comeback is known before the window ends', resolved('bot', '2026-11-25T00:00:00Z', '2026-11-26T00:00:00Z'), 'cameBack'],
  // Resolved 23 Nov 00:00: the window ends 30 Nov 00:00 = now, so it is decided.
  ['a window that ends exactly now is over', resolved('bot', '2026-11-23T00:00:00Z'), 'bot'],
  ['an agent’s resolution counts as it is, comeback or not', resolved('agent', '2026-11-29T00:00:00Z', '2026-11-29T12:00:00Z'), 'agent'],
];
for (const [name, resolution, bucket] of cases) {
  test(name, () => assert.deepEqual(honestResolution([resolution], DEFAULT_COMEBACK_DAYS, now), only(bucket)));
}

test('the window is 24-hour days of real time, not calendar days, across a DST change', () => {
  // Resolved Wed 25 Mar 12:00 GMT (12:00Z); London moves to BST on 29 Mar. 168 h later is 1 Apr 12:00Z
  // (13:00 BST). The customer writes 1 Apr 11:30Z (12:30 BST): after "12:00 a week later" on a London
  // wall clock, but inside 168 h, so it counts against the bot.
  const comeback = resolved('bot', '2026-03-25T12:00:00Z', '2026-04-01T11:30:00Z');
  assert.deepEqual(honestResolution([comeback], 7, new Date('2026-05-01T00:00:00Z')), only('cameBack'));
});

test('a shorter window decides sooner', () => {
  // Resolved 28 Nov 00:00: one day ends 29 Nov 00:00, before now; seven days end 5 Dec, after now.
  const quiet = resolved('bot', '2026-11-28T00:00:00Z');
  assert.deepEqual(honestResolution([quiet], 1, now), only('bot'));
  assert.deepEqual(honestResolution([quiet], 7, now), only('pending'));
});

test('honest and loose counts of one mixed week, every resolution in exactly one bucket', () => {
  const week = [
    resolved('bot', '2026-11-20T10:00:00Z'), // decided, quiet → bot
    resolved('bot', '2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z'), // came back after 1 day
    resolved('bot', '2026-11-26T10:00:00Z'), // window ends 3 Dec → pending
    resolved('self_service', '2026-11-21T00:00:00Z'), // decided, quiet → selfService
    resolved('self_service', '2026-11-21T00:00:00Z', '2026-11-22T00:00:00Z'), // came back
    resolved('agent', '2026-11-22T00:00:00Z', '2026-11-22T01:00:00Z'), // agent, as it is
    resolved('agent', '2026-11-29T00:00:00Z'), // agent
  ];
  // Honest: bot 1, selfService 1, agent 2, cameBack 2, pending 1 → 1 + 1 + 2 + 2 + 1 = 7 resolutions.
  assert.deepEqual(honestResolution(week, DEFAULT_COMEBACK_DAYS, now), { bot: 1, selfService: 1, agent: 2, cameBack: 2, pending: 1 });
  // Loose: 3 bot + 2 self-service = 5 without an agent; 2 agent.
  assert.deepEqual(looseResolution(week), { bot: 5, agent: 2 });
});

test('nothing resolved is all zeros', () => {
  assert.deepEqual(honestResolution([], DEFAULT_COMEBACK_DAYS, now), { bot: 0, selfService: 0, agent: 0, cameBack: 0, pending: 0 });
  assert.deepEqual(looseResolution([]), { bot: 0, agent: 0 });
});
