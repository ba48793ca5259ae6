import type { FastifyInstance } from 'fastify';
import { appError } from '../platform/app-error.ts';
import { unstorableText } from '../platform/storable-text.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies must be valid UTF-8 and hold only storable text: the default parser would silently
 * turn bad bytes into U+FFFD and store corrupted text. Parsing then goes through Fastify's own
 * parser, which guards against prototype poisoning.
 */
export function registerStrictJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch (error) {
      done(appError('request.invalid_utf8', 'The body contains bytes that are not valid UTF-8.', { cause: error }), undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      const unstorable = error ? null : unstorableText(value);
      if (unstorable) done(appError('request.invalid', unstorable), undefined);
      else done(error, value);
    });
  });
}
