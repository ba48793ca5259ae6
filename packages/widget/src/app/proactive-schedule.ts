import { secondsUntilDue, type WebTrigger } from '@tandem/core/proactive';

/** The moments a page's timed triggers count from (epoch ms). */
export type PageClock = { startedAt: number; lastFormInputAt: number | null };

/**
 * When the next timed trigger comes due (epoch ms), strictly after `now`, or null when none
 * will: the runner sets one timer for it instead of polling every second. A moment already
 * past was evaluated when it came, so it is never due again (no busy loop on a rule whose URL
 * pattern does not match).
 */
export function nextDueAt(triggers: readonly WebTrigger[], clock: PageClock, now: number): number | null {
  let next: number | null = null;
  for (const trigger of triggers) {
    const seconds = secondsUntilDue(trigger);
    const from = trigger.kind === 'form_idle' ? clock.lastFormInputAt : clock.startedAt;
    if (seconds === null || from === null) continue;
    const due = from + seconds * 1000;
    if (due > now && (next === null || due < next)) next = due;
  }
  return next;
}
