import type { ReceiveService } from '../conversations/receive.service.ts';
import type { BotTurnService } from './bot-turn.service.ts';

/** Every customer message, whichever channel it came in on, gives the bot its turn (if it handles the conversation). */
export function withBotTurns(receive: ReceiveService, bot: BotTurnService): ReceiveService {
  const notify = <T extends Awaited<ReturnType<ReceiveService['deliver']>>>(received: T): T => {
    if (!received.duplicate) bot.afterCustomerMessage(received.conversation, received.message);
    return received;
  };
  return {
    deliver: async (input) => notify(await receive.deliver(input)),
    receiveFromIdentity: async (input) => notify(await receive.receiveFromIdentity(input)),
  };
}
