import type { Schedule } from '../routing/business-time.ts';
import { slaElapsedSeconds, type Pause } from '../routing/sla-clock.ts';
import type { ConversationStatus, MessageAuthor } from '../vocabulary.ts';

export interface FactsMessage {
  author: MessageAuthor;
  /** A note between agents; the customer never sees it. */
  private: boolean;
  createdAt: Date;
}

export interface ConversationFactsInput {
  /** The hours the conversation's clocks run in (its team's, else the workspace's). */
  schedule: Schedule;
  createdAt: Date;
  status: ConversationStatus;
  resolvedAt: Date | null;
  /** Pending on the customer: the clocks stand still, as for SLAs. */
  pauses: readonly Pause[];
  messages: readonly FactsMessage[];
  handedOffAt: Date | null;
}

export const RESOLVERS = ['bot', 'agent'] as const;
export type Resolver = (typeof RESOLVERS)[number];

export interface ConversationFacts {
  /** Business seconds from the first customer message to the first public agent reply after it. */
  firstResponseSeconds: number | null;
  /** Business seconds each later wait for a public agent reply lasted, in order (unanswered waits are left out). */
  nextResponseSeconds: number[];
  /** Business seconds from creation to resolution; null unless the conversation is resolved now. */
  resolutionSeconds: number | null;
  resolvedBy: Resolver | null;
  customerMessages: number;
  /** Public agent messages (private notes are not messages to the customer). */
  agentMessages: number;
  handedOff: boolean;
}

/**
 * The per-conversation numbers the dashboards aggregate, all in business seconds with pauses
 * excluded (the SLA clocks' `slaElapsedSeconds`). Only a public agent message is a response:
 * bot replies, private notes and system messages never are.
 *
 * Responses are read in message order. The first customer message starts the first-response
 * wait; the first public agent reply after it ends it. After that, a customer message written
 * while no wait is open starts a next-response wait, which the next public agent reply ends,
 * so several customer messages in a row are one wait, timed from the first of them (the SLA
 * next-response rule). Agent messages before the customer's first message (outreach) answer
 * nothing.
 *
 * `resolvedBy` looks at what happened up to `resolvedAt`: a public agent message or a handoff
 * makes it the agent's; otherwise the bot's when the bot wrote, else the agent's (an agent
 * closed it without writing).
 */
export function conversationFacts(input: ConversationFactsInput): ConversationFacts {
  const { schedule, pauses } = input;
  // Whole seconds, as they are stored: real clocks have milliseconds (conversation_facts columns are integers).
  const seconds = (from: Date, to: Date) => Math.round(slaElapsedSeconds(schedule, from, to, pauses));
  const messages = [...input.messages].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const isResponse = (m: FactsMessage) => m.author === 'agent' && !m.private;

  let firstResponseSeconds: number | null = null;
  const nextResponseSeconds: number[] = [];
  let waitingSince: Date | null = null;
  for (const message of messages) {
    if (message.author === 'customer') {
      waitingSince ??= message.createdAt;
    } else if (isResponse(message) && waitingSince !== null) {
      if (firstResponseSeconds === null) firstResponseSeconds = seconds(waitingSince, message.createdAt);
      else nextResponseSeconds.push(seconds(waitingSince, message.createdAt));
      waitingSince = null;
    }
  }

  const resolvedAt = input.status === 'resolved' ? input.resolvedAt : null;
  return {
    firstResponseSeconds,
    nextResponseSeconds,
    resolutionSeconds: resolvedAt ? seconds(input.createdAt, resolvedAt) : null,
    resolvedBy: resolvedAt ? resolverOf(messages, input.handedOffAt, resolvedAt) : null,
    customerMessages: messages.filter((m) => m.author === 'customer').length,
    agentMessages: messages.filter(isResponse).length,
    handedOff: input.handedOffAt !== null,
  };
}

function resolverOf(messages: readonly FactsMessage[], handedOffAt: Date | null, resolvedAt: Date): Resolver {
  const until = resolvedAt.getTime();
  const before = messages.filter((m) => m.createdAt.getTime() <= until);
  if (before.some((m) => m.author === 'agent' && !m.private)) return 'agent';
  if (handedOffAt !== null && handedOffAt.getTime() <= until) return 'agent';
  return before.some((m) => m.author === 'bot') ? 'bot' : 'agent';
}
