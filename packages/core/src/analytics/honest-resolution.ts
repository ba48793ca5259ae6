/** How long a customer has to come back before a bot or self-service resolution is believed. */
export const DEFAULT_COMEBACK_DAYS = 7;

export const RESOLUTION_SOURCES = ['bot', 'agent', 'self_service'] as const;
export type ResolutionSource = (typeof RESOLUTION_SOURCES)[number];

export interface Resolution {
  resolvedAt: Date;
  resolvedBy: ResolutionSource;
  /** The customer's next message or conversation after `resolvedAt`, on any channel; null if none yet. */
  customerNextActivityAt: Date | null;
}

/** Every resolution lands in exactly one bucket, so the five add up to the input's length. */
export interface HonestResolution {
  bot: number;
  selfService: number;
  agent: number;
  /** Bot and self-service resolutions the customer came back about within the window. */
  cameBack: number;
  /** Bot and self-service resolutions whose window is not over yet: counted neither way. */
  pending: number;
}

export interface LooseResolution {
  /** Every resolution without an agent (the bot's and self-service), whether or not the customer came back. */
  bot: number;
  agent: number;
}

const DAY_MS = 86_400_000;

/**
 * Resolutions counted honestly: one by the bot or by self-service counts only if the customer
 * did not come back, on any channel, within `windowDays` × 24 hours of it — going quiet for a
 * while is not being helped. The window is [resolvedAt, resolvedAt + windowDays × 24 h): activity
 * at its end is too late to count against it, and it is over (decided) once `now` reaches the
 * end. Activity before `resolvedAt` is not a comeback. An agent's resolution counts as it is:
 * the rule exists because silence after a bot is so often read as success.
 */
export function honestResolution(resolutions: readonly Resolution[], windowDays: number, now: Date): HonestResolution {
  const counts: HonestResolution = { bot: 0, selfService: 0, agent: 0, cameBack: 0, pending: 0 };
  const windowMs = windowDays * DAY_MS;
  for (const { resolvedAt, resolvedBy, customerNextActivityAt } of resolutions) {
    if (resolvedBy === 'agent') {
      counts.agent++;
      continue;
    }
    const start = resolvedAt.getTime();
    const end = start + windowMs;
    const back = customerNextActivityAt?.getTime() ?? null;
    if (back !== null && back >= start && back < end) counts.cameBack++;
    else if (now.getTime() < end) counts.pending++;
    else if (resolvedBy === 'bot') counts.bot++;
    else counts.selfService++;
  }
  return counts;
}

/**
 * Resolutions counted the way most products count them: every one, at once, whether or not the
 * customer came back. Self-service resolutions count with the bot's (no agent was involved).
 */
export function looseResolution(resolutions: readonly Pick<Resolution, 'resolvedBy'>[]): LooseResolution {
  const agent = resolutions.filter((r) => r.resolvedBy === 'agent').length;
  return { bot: resolutions.length - agent, agent };
}
