import type { ConsentPurpose } from '../vocabulary.ts';

/** What a customer allows or refuses, each purpose on its own. */
export type Consent = Record<ConsentPurpose, boolean>;

/**
 * `automation`: the bot may answer and use the customer's history; `behaviour`: proactive
 * rules may use their page activity; `marketing`: broadcasts of kind marketing may reach them.
 * A customer nobody asked yet gets the bot (it is how the service answers) and nothing else.
 */
export const DEFAULT_CONSENT: Consent = { automation: true, behaviour: false, marketing: false };

export const RETENTION_ACTIONS = ['anonymize', 'delete'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

export interface PrivacySettings {
  /** Show agents personal data masked in messages; revealing one is audited. */
  maskPiiForAgents: boolean;
  /** Conversations resolved longer ago than this many days are anonymized or deleted; null keeps them. */
  retentionDays: number | null;
  retentionAction: RetentionAction;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { maskPiiForAgents: false, retentionDays: null, retentionAction: 'anonymize' };
