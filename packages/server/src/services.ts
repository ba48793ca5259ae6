import type { ServiceDeps } from './platform/deps.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createAgentService } from './features/agents/agent.service.ts';
import { createWorkspaceService } from './features/workspaces/workspace.service.ts';
import { createCustomerService } from './features/customers/customer.service.ts';
import { createConversationService } from './features/conversations/conversation.service.ts';
import { createMergeSplitService } from './features/conversations/merge-split.service.ts';
import { createReceiveService } from './features/conversations/receive.service.ts';
import { createMessageAppender } from './features/messages/message-appender.ts';
import { createPostMessageService } from './features/messages/post-message.service.ts';
import { createRevertService } from './features/audit/revert.service.ts';

/** Every use case, built from the adapters. One instance per process. */
export function createServices(deps: ServiceDeps) {
  const appender = createMessageAppender(deps);
  const customers = createCustomerService(deps);
  return {
    appender,
    auth: createAuthService(deps),
    agents: createAgentService(deps),
    workspaces: createWorkspaceService(deps),
    customers,
    conversations: createConversationService(deps),
    mergeSplit: createMergeSplitService(deps),
    receive: createReceiveService({ ...deps, appender, customers }),
    postMessage: createPostMessageService({ ...deps, appender }),
    revert: createRevertService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
