import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AttachmentMeta } from '@tandem/protocol';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { detectUploadType } from './file-types.ts';
import { findFileByKey, insertFile, type FileRecord } from './file.store.ts';

export interface UploadInput {
  workspaceId: string;
  owner: { customerId: string } | { agentId: string };
  filename: string;
  declaredType: string;
  data: Buffer;
}

/** The public path of a stored file: its key is 192 random bits, so the URL is the capability. */
export const fileUrl = (workspaceId: string, key: string) => `/api/v1/widget/${workspaceId}/files/${key}`;

export function createUploadService(deps: ServiceDeps) {
  const { db, files, clock, ids } = deps;
  return {
    async upload(input: UploadInput): Promise<AttachmentMeta> {
      if (input.data.length === 0) throw appError('upload.missing_file', 'The file is empty.');
      const contentType = await detectUploadType(input.data, input.declaredType);
      if (!contentType) throw appError('upload.type_not_allowed', 'Send an image (PNG, JPEG, GIF, WebP), a PDF, a text or CSV file, or a Word or Excel document.');
      const key = randomBytes(24).toString('base64url');
      const record: FileRecord = {
        workspaceId: input.workspaceId,
        id: ids(),
        key,
        customerId: 'customerId' in input.owner ? input.owner.customerId : null,
        agentId: 'agentId' in input.owner ? input.owner.agentId : null,
        name: cleanFilename(input.filename),
        contentType,
        size: input.data.length,
        createdAt: clock(),
      };
      // Bytes first, then the row: a crash in between leaves an orphan file, never a row without bytes.
      await files.put(storageKey(input.workspaceId, key), Readable.from([input.data]));
      await insertFile(db, record);
      return { name: record.name, contentType, size: record.size, url: fileUrl(input.workspaceId, key) };
    },

    /**
     * Attachments a sender names in a message must be files of this workspace that the same
     * sender uploaded; the stored name, type and size replace whatever the client claimed.
     */
    async verifyAttachments(workspaceId: string, owner: UploadInput['owner'], attachments: readonly AttachmentMeta[]): Promise<AttachmentMeta[]> {
      const prefix = fileUrl(workspaceId, '');
      return Promise.all(
        attachments.map(async (attachment, n) => {
          const key = attachment.url.startsWith(prefix) ? attachment.url.slice(prefix.length) : '';
          const file = key ? await findFileByKey(db, workspaceId, key) : null;
          const owned = file && ('customerId' in owner ? file.customerId === owner.customerId : file.agentId === owner.agentId);
          if (!file || !owned) {
            throw appError('file.not_found', 'Upload the file first, then send its url.', { fields: [{ path: `content.attachments.${n}.url`, message: 'not a file you uploaded' }] });
          }
          return { name: file.name, contentType: file.contentType, size: file.size, url: fileUrl(workspaceId, key) };
        }),
      );
    },

    /** Keeps a received message's raw bytes (an email's source) for agents; no public URL reaches it. */
    async keepOriginal(workspaceId: string, data: Buffer): Promise<string> {
      const key = randomBytes(24).toString('base64url');
      await files.put(originalKey(workspaceId, key), Readable.from([data]));
      return key;
    },

    async openOriginal(workspaceId: string, key: string) {
      const body = await files.get(originalKey(workspaceId, key));
      if (!body) throw appError('file.not_found');
      return body;
    },

    async open(workspaceId: string, key: string) {
      const file = await findFileByKey(db, workspaceId, key);
      const body = file ? await files.get(storageKey(workspaceId, key)) : null;
      if (!file || !body) throw appError('file.not_found');
      return { file, body };
    },
  };
}

const storageKey = (workspaceId: string, key: string) => `${workspaceId}/${key}`;
const originalKey = (workspaceId: string, key: string) => `${workspaceId}/originals/${key}`;

/** Keeps the last path segment, drops control and bidi-override characters, caps the length. */
export function cleanFilename(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (base || 'file').slice(0, 255);
}

export type UploadService = ReturnType<typeof createUploadService>;
