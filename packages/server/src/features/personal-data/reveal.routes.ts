import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findPersonalData } from '@tandem/core';
import { Id, Message } from '@tandem/protocol';
import { presentMessage } from '../../domain/present.ts';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { findMessage } from '../messages/message.store.ts';

const RevealParams = z.strictObject({ id: Id, messageId: Id });

export function revealRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/conversations/:id/messages/:messageId/reveal',
      {
        config: { access: 'agent' },
        schema: { tags: ['conversations'], summary: 'The message unmasked (personal data shown); every reveal is audited', params: RevealParams, response: responses({ 200: Message }) },
      },
      async (request) => {
        const agent = agentOf(request);
        const message = await findMessage(deps.db, agent.workspaceId, request.params.messageId);
        if (!message || message.conversationId !== request.params.id) throw appError('message.not_found');
        const kinds = [...new Set(findPersonalData(message.body).map((s) => s.kind))];
        await recordAudit(deps.db, {
          workspaceId: agent.workspaceId,
          id: deps.ids(),
          actor: { type: 'agent', id: agent.agentId, role: agent.role },
          action: 'message.personal_data_revealed',
          targetType: 'message',
          targetId: message.id,
          data: { conversationId: message.conversationId, kinds },
          at: deps.clock(),
        });
        return presentMessage(message);
      },
    );
  };
}
