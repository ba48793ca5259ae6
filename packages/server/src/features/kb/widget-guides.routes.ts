import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '@tandem/core';
import { AdvanceGuideBody, ArticleKey, GuideStepView, GuideSummary, WidgetParams } from '@tandem/protocol';
import { customerOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Services } from '../../services.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { articleUrl } from './article-search.service.ts';
import { listGuides } from './guide.store.ts';
import { findArticleByKey } from './kb.store.ts';

/** Guides in the widget: the same definitions and counts as the help center, drawn by the widget. */
export function widgetGuideRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['widget'];

    app.get('/widget/:workspaceId/guides', { config: { access: 'customer' }, schema: { tags, params: WidgetParams, response: responses({ 200: z.object({ items: z.array(GuideSummary) }) }) } }, async (request) => ({
      items: (await listGuides(deps.db, customerOf(request).workspaceId)).map((g) => ({ key: g.key, title: g.definition.title })),
    }));

    app.post(
      '/widget/:workspaceId/guides/:key/steps',
      { config: { access: 'customer' }, schema: { tags, summary: 'Start a guide, or move to the step a choice leads to', params: WidgetParams.extend({ key: ArticleKey }), body: AdvanceGuideBody, querystring: z.strictObject({ locale: z.enum(LOCALES).default('en') }), response: responses({ 200: GuideStepView }) } },
      async (request) => {
        const { workspaceId } = customerOf(request);
        const { step, runId } = await services.guides.advance({ workspaceId, key: request.params.key, stepId: request.body.step, runId: request.body.runId, channel: 'widget' });
        const end = step.end;
        let view: GuideStepView['end'] = null;
        if (end?.kind === 'article') {
          const article = await findArticleByKey(deps.db, workspaceId, end.article, request.query.locale);
          const workspace = (await findWorkspace(deps.db, workspaceId))!;
          view = { kind: 'article', article: article?.status === 'published' ? { key: article.key, title: article.title, summary: article.summary, url: articleUrl(workspace.slug, article) } : null };
        } else if (end) view = end;
        return { runId, stepId: step.id, text: step.text, choices: [...(step.choices ?? [])], end: view };
      },
    );
  };
}
