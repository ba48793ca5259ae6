import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServiceDeps } from './platform/deps.ts';
import { createServices, type Services } from './services.ts';
import { registerStrictJsonParser } from './http/json-parser.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { registerDraining } from './http/draining.ts';
import { registerNulInUrlCheck } from './http/nul-in-url.ts';
import { registerRateLimits } from './http/rate-limits.ts';
import { registerAccessControl, type RouteAccess } from './http/access.ts';
import { registerWidgetOriginCheck, widgetCorsDelegator } from './http/cors.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { agentRoutes } from './features/agents/agents.routes.ts';
import { agentAccessRoutes } from './features/agents/agent-access.routes.ts';
import { workspaceRoutes } from './features/workspaces/workspace.routes.ts';
import { customerRoutes } from './features/customers/customers.routes.ts';
import { conversationRoutes } from './features/conversations/conversations.routes.ts';
import multipart from '@fastify/multipart';
import { widgetRoutes } from './features/widget/widget.routes.ts';
import { widgetIdentityRoutes } from './features/widget/widget-identity.routes.ts';
import { widgetConsentRoutes } from './features/widget/widget-consent.routes.ts';
import { fileRoutes } from './features/files/files.routes.ts';
import { revealRoutes } from './features/personal-data/reveal.routes.ts';
import { kbRoutes } from './features/kb/kb.routes.ts';
import { guideRoutes } from './features/kb/guides.routes.ts';
import { botRoutes } from './features/bot/bot.routes.ts';
import { routingRoutes } from './features/routing/routing.routes.ts';
import { slaRoutes } from './features/sla/sla.routes.ts';
import { segmentRoutes } from './features/segments/segment.routes.ts';
import { inboxRoutes } from './features/inbox/inbox.routes.ts';
import { widgetGuideRoutes } from './features/kb/widget-guides.routes.ts';
import { cannedResponseRoutes } from './features/canned-responses/canned-responses.routes.ts';
import { mentionRoutes } from './features/mentions/mentions.routes.ts';
import { savedFilterRoutes } from './features/saved-filters/saved-filters.routes.ts';
import { channelRoutes } from './features/channels/channels.routes.ts';
import { webhookRoutes } from './features/channels/webhooks.routes.ts';
import { analyticsRoutes } from './features/analytics/analytics.routes.ts';
import { csatRoutes, registerSurveyPages } from './features/csat/csat.routes.ts';
import { proactiveRoutes } from './features/proactive/proactive.routes.ts';
import { widgetProactiveRoutes } from './features/proactive/widget-proactive.routes.ts';
import { broadcastRoutes } from './features/broadcasts/broadcasts.routes.ts';
import { privacyRoutes } from './features/privacy/privacy.routes.ts';
import { registerUnsubscribePages } from './features/outreach/unsubscribe-page.ts';
import { registerDemoPage } from './features/widget/demo.routes.ts';
import { registerDemoBackend } from './features/widget/demo-backend.routes.ts';
import { registerWidgetScript } from './http/widget-script.ts';
import { registerConsole } from './http/console.ts';
import { registerHelpCenter } from './help-center/help-center.routes.ts';
import { registerAgentSocket } from './ws/agent.socket.ts';
import { registerCustomerSocket } from './ws/customer.socket.ts';
import { startHeartbeat } from './ws/heartbeat.ts';
import { ping } from './adapters/postgres/database.ts';

/** 1 MiB: far above the longest message (MESSAGE_MAX_CHARS), far below what would hurt. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface App {
  http: FastifyInstance;
  services: Services;
  /** Every /api/v1 route with who may call it. */
  routes: RouteAccess[];
}

/** Builds the HTTP/WS application from its adapters. Tests call it with PGlite and their own clock. */
export async function createApp(deps: ServiceDeps): Promise<App> {
  const services = createServices(deps);
  const http = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    genReqId: () => deps.ids(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.TRUST_PROXY,
    // Draining requests get our own problem document (http/draining.ts), not Fastify's plain 503.
    return503OnClosing: false,
  });
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  registerStrictJsonParser(http);
  registerErrorHandling(http);
  registerDraining(http);
  registerNulInUrlCheck(http);

  await http.register(cookie);
  await http.register(helmet, { contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'same-site' } });
  await http.register(cors, { hook: 'preHandler', delegator: widgetCorsDelegator(deps.db) });
  await registerRateLimits(http, { perMinute: deps.config.RATE_LIMIT_PER_MINUTE, redisUrl: deps.config.REDIS_URL });
  await http.register(multipart, { limits: { fileSize: deps.config.UPLOAD_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  await http.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await http.register(swagger, {
    openapi: {
      info: { title: 'Tandem API', version: '1', description: 'Customer service where self-service, a bot and people work as one team.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await http.register(swaggerUi, { routePrefix: '/api/docs' });

  registerWidgetOriginCheck(http, deps.db);
  const routes = registerAccessControl(http, services.auth);
  const prefix = { prefix: '/api/v1' };
  await http.register(authRoutes(services, { secureCookies: (deps.config.PUBLIC_URL ?? '').startsWith('https:'), sessionTtlHours: deps.config.SESSION_TTL_HOURS, uploadMaxBytes: deps.config.UPLOAD_MAX_BYTES }), prefix);
  await http.register(agentRoutes(services, deps), prefix);
  await http.register(agentAccessRoutes(deps), prefix);
  await http.register(workspaceRoutes(services, deps), prefix);
  await http.register(customerRoutes(services, deps), prefix);
  await http.register(conversationRoutes(services, deps), prefix);
  await http.register(widgetRoutes(services, deps), prefix);
  await http.register(widgetIdentityRoutes(services, deps), prefix);
  await http.register(widgetConsentRoutes(services, deps), prefix);
  await http.register(kbRoutes(services, deps), prefix);
  await http.register(guideRoutes(services, deps), prefix);
  await http.register(botRoutes(services), prefix);
  await http.register(routingRoutes(services), prefix);
  await http.register(slaRoutes(services), prefix);
  await http.register(segmentRoutes(services), prefix);
  await http.register(inboxRoutes(services), prefix);
  await http.register(cannedResponseRoutes(services), prefix);
  await http.register(mentionRoutes(services), prefix);
  await http.register(savedFilterRoutes(services), prefix);
  await http.register(channelRoutes(services, deps), prefix);
  await http.register(webhookRoutes(services, deps), prefix);
  await http.register(analyticsRoutes(services), prefix);
  await http.register(csatRoutes(deps), prefix);
  await http.register(proactiveRoutes(services, deps), prefix);
  await http.register(widgetProactiveRoutes(services), prefix);
  await http.register(broadcastRoutes(services), prefix);
  await http.register(privacyRoutes(services.privacy), prefix);
  await http.register(widgetGuideRoutes(services, deps), prefix);
  await http.register(fileRoutes(services, { maxBytes: deps.config.UPLOAD_MAX_BYTES }), prefix);
  await http.register(revealRoutes(deps), prefix);
  startHeartbeat(http);
  registerAgentSocket(http, services, deps);
  registerCustomerSocket(http, services, deps);

  registerWidgetScript(http);
  registerDemoPage(http, deps);
  registerDemoBackend(http, deps);
  await registerHelpCenter(http, services, deps);
  await registerSurveyPages(http, services, deps);
  await registerUnsubscribePages(http, services.unsubscribe, deps);

  http.get('/healthz', { schema: { hide: true } }, async () => {
    await ping(deps.db);
    return { ok: true };
  });
  await registerConsole(http);
  return { http, services, routes };
}
