export * from './proactive-rule.ts';
export * from './url-pattern.ts';
export * from './trigger-match.ts';
export * from './audience-match.ts';
export * from './holdout.ts';
export * from './exposure-decision.ts';
export * from './message-template.ts';
export * from './broadcast-channel.ts';
