import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BusinessHours } from '../workspace/availability.ts';
import type { Pause, Schedule } from '../routing/sla-clock.ts';
import { conversationFacts, type ConversationFacts, type ConversationFactsInput, type FactsMessage } from './conversation-facts.ts';

type Day = BusinessHours['days'][number];
const weekdays = (timezone: string, day: Day): Schedule => ({ hours: { timezone, days: [[], day, day, day, day, day, []] }, holidays: [] });
const utc = weekdays('UTC', [{ from: '09:00', to: '17:00' }]);
const saigon = weekdays('Asia/Ho_Chi_Minh', [{ from: '08:00', to: '17:00' }]);
const london = weekdays('Europe/London', [{ from: '09:00', to: '17:00' }]);
const londonAllWeek: Schedule = { hours: { timezone: 'Europe/London', days: Array(7).fill([{ from: '00:00', to: '24:00' }]) }, holidays: [] };
// Iran works Saturday to Wednesday; Asia/Tehran is UTC+03:30 all year since 2022.
const nine: Day = [{ from: '09:00', to: '17:00' }];
const tehran: Schedule = { hours: { timezone: 'Asia/Tehran', days: [nine, nine, nine, nine, [], [], nine] }, holidays: [] };

// "HH:MM" or "HH:MM:SS" is on Monday 2026-11-23 in UTC; anything longer is a full ISO instant.
const at = (time: string) => new Date(time.length <= 8 ? `2026-11-23T${time}${time.length === 5 ? ':00' : ''}Z` : time);
const say = (author: FactsMessage['author'], time: string, isPrivate = false): FactsMessage => ({ author, private: isPrivate, createdAt: at(time) });
const note = (time: string) => say('agent', time, true);
const pause = (from: string, to: string): Pause => ({ from: at(from), to: at(to) });
const conversation = (input: Partial<ConversationFactsInput> & Pick<ConversationFactsInput, 'messages'>): ConversationFactsInput => ({
  schedule: utc, createdAt: input.messages[0]?.createdAt ?? at('09:00'), status: 'open', resolvedAt: null, pauses: [], handedOffAt: null, ...input,
});
const MIN = 60;
const HOUR = 3600;

const cases: Array<[string, ConversationFactsInput, Partial<ConversationFacts>]> = [
  // 10:00 → 10:05 = 5 min = 300 s.
  ['a first reply inside hours is timed in full', conversation({ messages: [say('customer', '10:00'), say('agent', '10:05')] }), { firstResponseSeconds: 5 * MIN }],
  // Only the 10:10 public agent message answers: 10 min = 600 s.
  [
    'bot replies, private notes and system messages are not a response',
    conversation({ messages: [say('customer', '10:00'), say('bot', '10:00:05'), note('10:01'), say('system', '10:02'), say('agent', '10:10')] }),
    { firstResponseSeconds: 10 * MIN, agentMessages: 1, customerMessages: 1 },
  ],
  // Mon 16:50–17:00 (10 min) + Tue 09:00–09:10 (10 min) = 1200 s; the night is closed.
  ['time outside hours does not count', conversation({ messages: [say('customer', '16:50'), say('agent', '2026-11-24T09:10:00Z')] }), { firstResponseSeconds: 20 * MIN }],
  // 10:00–11:00 is 60 min, less the 10:15–10:45 pause (30 min) = 1800 s.
  ['a pause stops the clock', conversation({ pauses: [pause('10:15', '10:45')], messages: [say('customer', '10:00'), say('agent', '11:00')] }), { firstResponseSeconds: 30 * MIN }],
  ['an unanswered conversation has no first response', conversation({ messages: [say('customer', '10:00'), say('bot', '10:01'), note('10:02')] }), { firstResponseSeconds: null, nextResponseSeconds: [] }],
  // Outreach at 09:30 answers nothing; the customer's 10:00 message is answered at 10:02 = 120 s.
  ['an agent message before the customer writes answers nothing', conversation({ messages: [say('agent', '09:30'), say('customer', '10:00'), say('agent', '10:02')] }), { firstResponseSeconds: 2 * MIN, nextResponseSeconds: [] }],
  [
    // first: 10:00 → 10:05 = 300 s. Next: 10:20 (not 10:25, the wait is already open) → 10:40 = 1200 s;
    // 11:00 → 11:30 = 1800 s (the 11:05 note does not answer); 11:45 is still unanswered and left out.
    'next responses time each wait from its first customer message, one wait per run of messages',
    conversation({
      messages: [
        say('customer', '10:00'), say('agent', '10:05'), say('customer', '10:20'), say('customer', '10:25'), say('agent', '10:40'),
        say('customer', '11:00'), note('11:05'), say('agent', '11:30'), say('customer', '11:45'),
      ],
    }),
    { firstResponseSeconds: 5 * MIN, nextResponseSeconds: [20 * MIN, 30 * MIN], customerMessages: 5, agentMessages: 3 },
  ],
  // Two agent replies in a row: the second answers nothing new.
  ['a second agent reply with no customer message in between is not a response', conversation({ messages: [say('customer', '10:00'), say('agent', '10:01'), say('agent', '10:02')] }), { firstResponseSeconds: MIN, nextResponseSeconds: [] }],
  // Messages arrive unordered; they are read by time: 10:00 → 10:03 = 180 s.
  ['messages are read in time order', conversation({ messages: [say('agent', '10:03'), say('customer', '10:00')] }), { firstResponseSeconds: 3 * MIN }],
  // 10:00–12:00 = 2 h, less the 11:00–11:30 pause = 1.5 h = 5400 s.
  [
    'resolution is business time from creation, pauses excluded',
    conversation({ createdAt: at('10:00'), status: 'resolved', resolvedAt: at('12:00'), pauses: [pause('11:00', '11:30')], messages: [say('customer', '10:00'), say('agent', '10:10')] }),
    { resolutionSeconds: 1.5 * HOUR, resolvedBy: 'agent' },
  ],
  [
    'a conversation reopened since its resolution has no resolution figures',
    conversation({ status: 'open', resolvedAt: at('12:00'), messages: [say('customer', '10:00'), say('bot', '10:01'), say('customer', '13:00')] }),
    { resolutionSeconds: null, resolvedBy: null },
  ],
  ['resolved with only the bot writing is the bot’s', conversation({ status: 'resolved', resolvedAt: at('10:05'), messages: [say('customer', '10:00'), say('bot', '10:01')] }), { resolvedBy: 'bot', handedOff: false }],
  [
    'a private note does not take a resolution from the bot',
    conversation({ status: 'resolved', resolvedAt: at('10:05'), messages: [say('customer', '10:00'), say('bot', '10:01'), note('10:02')] }),
    { resolvedBy: 'bot', agentMessages: 0 },
  ],
  [
    'a handoff makes it the agent’s even before the agent writes',
    conversation({ status: 'resolved', resolvedAt: at('10:30'), handedOffAt: at('10:02'), messages: [say('customer', '10:00'), say('bot', '10:01')] }),
    { resolvedBy: 'agent', handedOff: true },
  ],
  ['resolved without anyone writing is the agent’s (closed by hand)', conversation({ status: 'resolved', resolvedAt: at('10:30'), messages: [say('customer', '10:00')] }), { resolvedBy: 'agent' }],
  [
    'an agent message after the resolution does not take it from the bot',
    conversation({ status: 'resolved', resolvedAt: at('10:05'), messages: [say('customer', '10:00'), say('bot', '10:01'), say('agent', '10:20')] }),
    { resolvedBy: 'bot', agentMessages: 1 },
  ],
  [
    'a bot that answered first and an agent who replied later: the agent resolved it',
    conversation({ status: 'resolved', resolvedAt: at('11:00'), messages: [say('customer', '10:00'), say('bot', '10:01'), say('agent', '10:30')] }),
    { resolvedBy: 'agent' },
  ],
];
for (const [name, input, expected] of cases) {
  test(name, () => {
    const facts = conversationFacts(input);
    const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, facts[key as keyof ConversationFacts]]));
    assert.deepEqual(picked, expected);
  });
}

const zoneCases: Array<[string, Schedule, string, string, number]> = [
  // Saigon is UTC+7: 00:00Z is 07:00, before the 08:00 opening; 01:30Z is 08:30 → 30 min.
  ['Saigon: a message before opening waits for 08:00 local', saigon, '2026-11-23T00:00:00Z', '2026-11-23T01:30:00Z', 30 * MIN],
  // Fri 27 Nov 16:30 local (09:30Z) → 17:00 = 30 min; Mon 30 Nov 08:00 → 08:15 local (01:15Z) = 15 min; total 45 min.
  ['Saigon: a Friday message answered Monday counts the two ends only', saigon, '2026-11-27T09:30:00Z', '2026-11-30T01:15:00Z', 45 * MIN],
  // Wed 25 Nov 16:00 Tehran = 12:30Z → 17:00 = 1 h; Thu and Fri closed; Sat 28 Nov 09:00 → 10:00 (06:30Z) = 1 h; total 2 h.
  ['Tehran: +03:30 and a Thursday–Friday weekend', tehran, '2026-11-25T12:30:00Z', '2026-11-28T06:30:00Z', 2 * HOUR],
  // Fri 27 Mar 16:00 GMT (16:00Z) → 17:00 = 1 h; clocks go forward Sun 29 Mar; Mon 30 Mar 09:00 → 10:00 BST (09:00Z) = 1 h.
  ['London: across the March change Monday opens at 09:00 BST', london, '2026-03-27T16:00:00Z', '2026-03-30T09:00:00Z', 2 * HOUR],
  // Fri 23 Oct 16:30 BST (15:30Z) → 17:00 = 30 min; clocks go back Sun 25 Oct; Mon 26 Oct 09:00 → 09:30 GMT (09:30Z) = 30 min.
  ['London: across the October change Monday opens at 09:00 GMT', london, '2026-10-23T15:30:00Z', '2026-10-26T09:30:00Z', HOUR],
  // Open round the clock: Sat 28 Mar 12:00 GMT (12:00Z) → Sun 29 Mar 12:00 BST (11:00Z) is 24 wall-clock hours but 23 real ones.
  ['London round the clock: the March day is 23 hours', londonAllWeek, '2026-03-28T12:00:00Z', '2026-03-29T11:00:00Z', 23 * HOUR],
  // Sat 24 Oct 12:00 BST (11:00Z) → Sun 25 Oct 12:00 GMT (12:00Z): 25 real hours.
  ['London round the clock: the October day is 25 hours', londonAllWeek, '2026-10-24T11:00:00Z', '2026-10-25T12:00:00Z', 25 * HOUR],
];
for (const [name, schedule, asked, answered, expected] of zoneCases) {
  test(`first response and resolution in a zone: ${name}`, () => {
    const facts = conversationFacts(conversation({
      schedule, createdAt: at(asked), status: 'resolved', resolvedAt: at(answered), messages: [say('customer', asked), say('agent', answered)],
    }));
    assert.equal(facts.firstResponseSeconds, expected);
    assert.equal(facts.resolutionSeconds, expected);
  });
}

test('a next response in Tehran skips the weekend and a pause', () => {
  // First: Sat 28 Nov 09:00 → 09:10 Tehran (05:30Z → 05:40Z) = 10 min.
  // Next: the customer writes Wed 2 Dec 16:30 Tehran (13:00Z); pending 16:40–16:50 (13:10Z–13:20Z);
  // answered Sat 5 Dec 09:20 Tehran (05:50Z): Wed 16:30–17:00 = 30 min − 10 min pause = 20 min, + Sat 09:00–09:20 = 20 min → 40 min.
  const facts = conversationFacts(conversation({
    schedule: tehran,
    pauses: [pause('2026-12-02T13:10:00Z', '2026-12-02T13:20:00Z')],
    messages: [say('customer', '2026-11-28T05:30:00Z'), say('agent', '2026-11-28T05:40:00Z'), say('customer', '2026-12-02T13:00:00Z'), say('agent', '2026-12-05T05:50:00Z')],
  }));
  assert.equal(facts.firstResponseSeconds, 10 * MIN);
  assert.deepEqual(facts.nextResponseSeconds, [40 * MIN]);
});
