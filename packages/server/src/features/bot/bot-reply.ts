import { LOCALES, type FlowSay, type Locale } from '@tandem/core';
import type { MessageContent } from '@tandem/protocol';
import { translator } from '../../i18n/translator.ts';

/** "Talk to a person" in every language: the bot accepts any of them as the request. */
export const TALK_TO_PERSON_LABELS = new Set(LOCALES.map((locale) => translator(locale)('bot.talkToPerson').toLowerCase()));

/** One bot message: its text and content; every bot message offers a way to a person. */
export interface BotReply {
  body: string;
  content: MessageContent;
}

export function reply(locale: Locale, body: string, content: MessageContent = {}): BotReply {
  const t = translator(locale);
  const quickReplies = [...(content.quickReplies ?? []), { label: t('bot.talkToPerson'), value: t('bot.talkToPerson') }].slice(0, 10);
  return { body, content: { ...content, quickReplies } };
}

/** A flow's messages; choices become quick replies (the label is what the customer sends back). */
export function fromFlow(locale: Locale, say: readonly FlowSay[]): BotReply[] {
  return say.filter((s) => s.text.trim()).map((s) =>
    reply(locale, s.text.slice(0, 4000), s.choices?.length ? { quickReplies: s.choices.slice(0, 9).map((c) => ({ label: c.label.slice(0, 80), value: c.label.slice(0, 256) })) } : {}),
  );
}
