import type { FastifyInstance } from 'fastify';
import { appError } from '../platform/app-error.ts';

// %00 decodes to NUL, which no PostgreSQL text value can hold: a path key or query value carrying
// it failed in the database query, as a 500. No route has a use for it.
const ENCODED_NUL = /%00/;

/** Refuses, before any route runs, a request whose URL carries an encoded NUL. */
export function registerNulInUrlCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (ENCODED_NUL.test(request.url)) throw appError('request.invalid', 'The URL may not contain %00 (the NUL character).');
  });
}
