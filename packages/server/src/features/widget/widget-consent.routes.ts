import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CONSENT_PURPOSES } from '@tandem/core';
import { Consent, WidgetConsentBody, WidgetParams } from '@tandem/protocol';
import type { CustomerRecord } from '../../domain/records.ts';
import { customerOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Services } from '../../services.ts';
import { transact } from '../feed/transact.ts';

type ConsentRecord = CustomerRecord['consent'];

/**
 * The visitor's own privacy choices, per purpose, from the widget's privacy view or the host
 * site's cookie banner (`Tandem.setConsent`). A session token names one customer: nobody
 * reads or changes anyone else's. An explicit choice here outranks the browser's Do Not Track
 * or Global Privacy Control signal, which only set the starting value.
 */
export function widgetConsentRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  const { customers } = services;

  /** Merges the change; the journey records what changed, and nothing when nothing did (banners repeat themselves on every page). */
  async function changeConsent(workspaceId: string, customerId: string, change: z.output<typeof WidgetConsentBody>): Promise<ConsentRecord> {
    const before = (await customers.get(workspaceId, customerId)).consent;
    const changed = CONSENT_PURPOSES.filter((purpose) => change[purpose] !== undefined && change[purpose] !== before[purpose]);
    if (changed.length === 0) return before;
    const after = (await customers.update(workspaceId, customerId, { consent: change })).consent;
    await transact(deps, (tx) => customers.timeline(tx, workspaceId, customerId, 'consent.changed', { ...after, changed }));
    return after;
  }

  return async (app) => {
    const tags = ['widget'];

    app.get(
      '/widget/:workspaceId/consent',
      { config: { access: 'customer' }, schema: { tags, summary: "The visitor's privacy choices, per purpose", params: WidgetParams, response: responses({ 200: Consent }) } },
      async (request) => {
        const { workspaceId, customerId } = customerOf(request);
        return (await customers.get(workspaceId, customerId)).consent;
      },
    );

    app.put(
      '/widget/:workspaceId/consent',
      { config: { access: 'customer', rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags, summary: 'The visitor changes their privacy choices (purposes left out keep their value)', params: WidgetParams, body: WidgetConsentBody, response: responses({ 200: Consent }) } },
      async (request) => {
        const { workspaceId, customerId } = customerOf(request);
        return changeConsent(workspaceId, customerId, request.body);
      },
    );
  };
}
