import { fileTypeFromBuffer } from 'file-type';

/**
 * What may be uploaded, decided by the file's bytes (its name and declared type are the
 * sender's word). No SVG or HTML: both can run script when opened from our origin.
 */
export const ALLOWED_UPLOAD_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

export const INLINE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const TEXT_TYPES: ReadonlySet<string> = new Set(['text/plain', 'text/csv']);

/** The content type of `data`, or null when it is not one we accept. */
export async function detectUploadType(data: Buffer, declaredType: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(data);
  if (detected) return (ALLOWED_UPLOAD_TYPES as readonly string[]).includes(detected.mime) ? detected.mime : null;
  // Text has no magic number: accept it only when declared as text and it really is UTF-8 text.
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  return TEXT_TYPES.has(declared) && isPlainText(data) ? declared : null;
}

function isPlainText(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}
