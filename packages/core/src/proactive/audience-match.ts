import type { Locale } from '../vocabulary.ts';
import type { AudienceChoice, ProactiveAudience } from './proactive-rule.ts';

/** What the server knows about the visitor when it checks a rule's audience. */
export interface VisitorFacts {
  segments: readonly string[];
  locale: Locale | null;
  returning: boolean;
  identified: boolean;
  withinBusinessHours: boolean;
  agentsAvailable: boolean;
}

/** Every criterion holds (an empty list or `any` holds for everyone). */
export function audienceMatches(audience: ProactiveAudience, visitor: VisitorFacts): boolean {
  return (
    (audience.segments.length === 0 || audience.segments.some((key) => visitor.segments.includes(key))) &&
    (audience.locales.length === 0 || (visitor.locale !== null && audience.locales.includes(visitor.locale))) &&
    choiceHolds(audience.returning, visitor.returning) &&
    choiceHolds(audience.identified, visitor.identified) &&
    choiceHolds(audience.withinBusinessHours, visitor.withinBusinessHours) &&
    choiceHolds(audience.agentsAvailable, visitor.agentsAvailable)
  );
}

function choiceHolds(choice: AudienceChoice, actual: boolean): boolean {
  return choice === 'any' || (choice === 'yes') === actual;
}
