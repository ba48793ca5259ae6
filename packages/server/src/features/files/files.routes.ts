import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AttachmentMeta, WidgetFileParams, WidgetParams } from '@tandem/protocol';
import { agentOf, customerOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import { appError } from '../../platform/app-error.ts';
import type { Services } from '../../services.ts';
import { INLINE_TYPES } from './file-types.ts';
import type { UploadInput } from './upload.service.ts';

const uploadSchema = { consumes: ['multipart/form-data'], description: 'One file in the multipart field `file`. Its type is checked from its bytes.' };

/** Attachments: customers upload from the widget, agents from the console; both read by unguessable key. */
export function fileRoutes(services: Services, options: { maxBytes: number }): FastifyPluginAsyncZod {
  return async (app) => {
    const receive = async (request: FastifyRequest, owner: Omit<UploadInput, 'filename' | 'declaredType' | 'data'>) => {
      const part = await request.file({ limits: { fileSize: options.maxBytes, files: 1, fields: 0 } }).catch(rethrowMultipart);
      if (!part || part.fieldname !== 'file') throw appError('upload.missing_file');
      const data = await part.toBuffer().catch(rethrowMultipart);
      return services.uploads.upload({ ...owner, filename: part.filename, declaredType: part.mimetype, data });
    };

    app.post(
      '/widget/:workspaceId/uploads',
      { config: { access: 'customer', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags: ['widget'], summary: 'Upload an attachment', ...uploadSchema, params: WidgetParams, response: responses({ 201: AttachmentMeta }) } },
      async (request, reply) => {
        const { workspaceId, customerId } = customerOf(request);
        reply.code(201);
        return receive(request, { workspaceId, owner: { customerId } });
      },
    );

    app.post(
      '/uploads',
      { config: { access: 'agent' }, schema: { tags: ['conversations'], summary: 'Upload an attachment for a reply', ...uploadSchema, response: responses({ 201: AttachmentMeta }) } },
      async (request, reply) => {
        const { workspaceId, agentId } = agentOf(request);
        reply.code(201);
        return receive(request, { workspaceId, owner: { agentId } });
      },
    );

    app.get(
      '/widget/:workspaceId/files/:key',
      { config: { access: 'public' }, schema: { tags: ['widget'], summary: 'Download an attachment', params: WidgetFileParams } },
      async (request, reply) => {
        const { file, body } = await services.uploads.open(request.params.workspaceId, request.params.key);
        const disposition = INLINE_TYPES.has(file.contentType) ? 'inline' : 'attachment';
        // Served from our origin, so it must never run as a page: no sniffing, sandboxed, no scripts.
        return reply
          .header('content-type', file.contentType)
          .header('content-length', file.size)
          .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cross-origin-resource-policy', 'cross-origin')
          .header('cache-control', 'private, max-age=31536000, immutable')
          .send(body);
      },
    );
  };
}

function rethrowMultipart(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
    throw appError('upload.too_large', 'The file is larger than this server accepts.', { cause: error });
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw appError('request.unsupported_media_type', 'Send multipart/form-data.', { cause: error });
  throw error;
}
