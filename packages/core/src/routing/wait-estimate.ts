export interface WaitInputs {
  /** Place in the queue, 1 = next. */
  position: number;
  /** Conversations free agents could take right now (online, under capacity, with the skills). */
  freeSlots: number;
  onlineAgents: number;
  /** Conversations the team took from the queue in the last `windowSeconds`. */
  recentAssignments: number;
  windowSeconds: number;
  /** When nothing was taken recently: how long one conversation keeps an agent busy. */
  fallbackHandleSeconds: number;
}

/**
 * Expected seconds until a person takes the conversation, or null when nobody is online (the
 * customer is told when the team is back instead). The queue moves at the rate the team has
 * recently taken conversations from it; before there is such a rate, at one conversation per
 * online agent per handling time.
 */
export function estimateWaitSeconds(input: WaitInputs): number | null {
  if (input.onlineAgents <= 0) return null;
  const ahead = input.position - input.freeSlots;
  if (ahead <= 0) return 0;
  const rate = input.recentAssignments > 0 && input.windowSeconds > 0
    ? input.recentAssignments / input.windowSeconds
    : input.onlineAgents / Math.max(1, input.fallbackHandleSeconds);
  return Math.round(ahead / rate);
}
