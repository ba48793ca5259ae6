import type { FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { problemFor, problemFromError } from './problem.ts';

/** One place renders every error as application/problem+json; internals go to the log only. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const instance = request.url.split('?')[0] ?? request.url;
    const problem = hasZodFastifySchemaValidationErrors(error)
      ? problemFor(
          'request.invalid',
          `The ${error.validationContext ?? 'request'} is invalid.`,
          instance,
          error.validation.map((v) => ({
            path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
            message: v.message ?? 'invalid',
          })),
        )
      : problemFromError(error, instance, request.id);
    // A lost database connection is an outage, not a bug: say when to try again.
    if (problem.code === 'server.database_unavailable') void reply.header('retry-after', '1');
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.debug({ code: problem.code }, 'request rejected');
    void reply.code(problem.status).type('application/problem+json').send(problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const instance = request.url.split('?')[0] ?? request.url;
    void reply
      .code(404)
      .type('application/problem+json')
      .send(problemFor('route.not_found', `No route ${request.method} ${instance}.`, instance));
  });
}
