import type { WidgetConfig } from '@tandem/protocol';
import type { Notice } from '../state/widget-state.ts';

type FileFacts = { name: string; size: number; type: string };

/** Whether the attach button makes sense: the server accepts some type and some size. */
export function canUpload(uploads: WidgetConfig['uploads'] | undefined): boolean {
  return !!uploads && uploads.maxBytes > 0 && uploads.types.length > 0;
}

/** `accept` entries are MIME types, `type/*` wildcards or `.ext` suffixes, as in <input accept>. */
export function isAcceptedType(file: FileFacts, types: readonly string[]): boolean {
  const mime = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  return types.some((raw) => {
    const type = raw.trim().toLowerCase();
    if (type.startsWith('.')) return name.endsWith(type);
    if (type.endsWith('/*')) return mime.startsWith(type.slice(0, -1));
    return mime === type;
  });
}

/** Checked before uploading so the customer hears why at once, not after a slow 413. */
export function checkUpload(file: FileFacts, uploads: WidgetConfig['uploads'], formatSize: (bytes: number) => string): Notice | null {
  if (!isAcceptedType(file, uploads.types)) return { key: 'upload.typeNotAllowed', params: { name: file.name } };
  if (file.size > uploads.maxBytes) return { key: 'upload.tooLarge', params: { name: file.name, max: formatSize(uploads.maxBytes) } };
  return null;
}
