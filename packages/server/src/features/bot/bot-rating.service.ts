import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import { findMessage } from '../messages/message.store.ts';
import { saveAnswerRating } from './bot.store.ts';

/** Customers' thumbs up/down on the bot's answers, from the widget. */
export function createBotRatingService(deps: Pick<ServiceDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;
  return {
    /** Only the bot's public answers in the customer's own conversations; anything else looks absent. */
    async rate(workspaceId: string, customerId: string, messageId: string, helpful: boolean): Promise<void> {
      const answer = await findMessage(db, workspaceId, messageId);
      const conversation = answer && !answer.private ? await findConversation(db, workspaceId, answer.conversationId) : null;
      if (!answer || conversation?.customerId !== customerId) throw appError('message.not_found');
      if (answer.author !== 'bot') throw appError('message.not_bot_answer');
      await saveAnswerRating(db, { workspaceId, messageId, customerId, helpful, createdAt: clock() });
    },
  };
}

export type BotRatingService = ReturnType<typeof createBotRatingService>;
