import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Csat, IdParams } from '@tandem/protocol';
import { isAppError } from '@tandem/core';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import { preferredLocale } from '../../i18n/preferred-locale.ts';
import { translator } from '../../i18n/translator.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { storableText } from '../../platform/storable-text.ts';
import type { Services } from '../../services.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { findSurvey } from './csat.store.ts';
import { surveyPage, type SurveyPageInput } from './survey-page.ts';

const SurveyParams = z.object({ workspaceId: z.uuid(), token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
const SurveyForm = z.object({
  rating: z.coerce.number().int().min(1).max(5),
  easyToReach: z.enum(['yes', 'no']).optional(),
  // A stray NUL in a comment would fail its insert (a 500): the comment is kept without it.
  comment: z.string().max(2000).transform(storableText).optional(),
  optOut: z.literal('yes').optional(),
});

/** The survey page customers reach from email, SMS and WhatsApp (HTML, no JavaScript), and the agents' view of an answer. */
export async function registerSurveyPages(app: FastifyInstance, services: Services, deps: ServiceDeps): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 8 * 1024 });
    const render = async (request: FastifyRequest, reply: FastifyReply, state: SurveyPageInput['state'] | null) => {
      const locale = preferredLocale(request.headers['accept-language']);
      const t = translator(locale);
      const params = SurveyParams.safeParse(request.params);
      const survey = params.success ? await services.csat.byToken(params.data.workspaceId, params.data.token).catch((error: unknown) => {
        if (isAppError(error)) return null;
        throw error;
      }) : null;
      const workspace = survey && (await findWorkspace(deps.db, survey.workspaceId));
      if (!survey || !workspace) return reply.code(404).type('text/plain; charset=utf-8').send(t('csat.alreadyAnswered'));
      const page = surveyPage({ t, locale, workspaceName: workspace.name, action: request.url, askEasyToReach: survey.handedOff, state: state ?? (survey.status === 'answered' ? 'answered' : 'ask') });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'").send(page.toString());
    };
    scope.get('/csat/:workspaceId/:token', { schema: { hide: true } }, (request, reply) => render(request, reply, null));
    scope.post('/csat/:workspaceId/:token', { schema: { hide: true }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
      const params = SurveyParams.safeParse(request.params);
      const form = SurveyForm.safeParse(request.body);
      if (!params.success) return render(request, reply, null);
      if (!form.success) return render(request, reply.code(400), 'invalid');
      const survey = await services.csat.byToken(params.data.workspaceId, params.data.token).catch(() => null);
      if (!survey) return render(request, reply, null);
      try {
        await services.csat.answer(survey, { rating: form.data.rating, comment: form.data.comment, easyToReach: form.data.easyToReach ? form.data.easyToReach === 'yes' : undefined });
      } catch (error) {
        if (isAppError(error) && error.code === 'csat.already_answered') return render(request, reply.code(409), 'answered');
        throw error;
      }
      if (form.data.optOut) await services.customers.update(survey.workspaceId, survey.customerId, { attributes: { surveyOptOut: true } });
      return render(request, reply, 'thanks');
    });
  });
}

export function csatRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/conversations/:id/csat', { config: { access: 'agent' }, schema: { tags: ['feedback'], summary: "The conversation's satisfaction survey", params: IdParams, response: responses({ 200: Csat }) } }, async (request) => {
      const survey = await findSurvey(deps.db, agentOf(request).workspaceId, request.params.id);
      if (!survey) throw appError('csat.not_found');
      return {
        conversationId: survey.conversationId, rating: survey.rating, comment: survey.comment, easyToReach: survey.easyToReach,
        channel: survey.channel as z.infer<typeof Csat>['channel'], status: survey.status as z.infer<typeof Csat>['status'],
        askedAt: survey.askedAt?.toISOString() ?? null, answeredAt: survey.answeredAt?.toISOString() ?? null,
      };
    });
  };
}
