import type { TFunction } from 'i18next';
import type { ProactiveRule } from '@tandem/protocol';

/** A trigger in a few words for the rules list: "After 30 s on the page · /pricing*". */
export function triggerSummary(trigger: ProactiveRule['trigger'], t: TFunction): string {
  const what = t(`proactiveSummary.${trigger.kind}`, { ...trigger });
  return 'urlPattern' in trigger && trigger.urlPattern ? t('proactive.onPages', { summary: what, pattern: trigger.urlPattern }) : what;
}
