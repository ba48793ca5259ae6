import { describe, expect, test } from 'vitest';
import { canUpload, checkUpload, isAcceptedType } from './upload-policy.ts';

const uploads = { maxBytes: 1_000, types: ['image/*', 'application/pdf', '.csv'] };

describe('checking a file before upload', () => {
  test('accepts MIME types, wildcards and extensions as <input accept> does', () => {
    expect(isAcceptedType({ name: 'a.png', size: 1, type: 'image/png' }, uploads.types)).toBe(true);
    expect(isAcceptedType({ name: 'a.pdf', size: 1, type: 'application/pdf' }, uploads.types)).toBe(true);
    expect(isAcceptedType({ name: 'DATA.CSV', size: 1, type: '' }, uploads.types)).toBe(true);
    expect(isAcceptedType({ name: 'a.exe', size: 1, type: 'application/x-msdownload' }, uploads.types)).toBe(false);
  });

  test('names the limit when a file is too large', () => {
    const problem = checkUpload({ name: 'big.png', size: 1_001, type: 'image/png' }, uploads, (n) => `${n} B`);
    expect(problem).toEqual({ key: 'upload.tooLarge', params: { name: 'big.png', max: '1000 B' } });
    expect(checkUpload({ name: 'ok.png', size: 1_000, type: 'image/png' }, uploads, String)).toBeNull();
  });

  test('no attach button when the server accepts nothing', () => {
    expect(canUpload({ maxBytes: 0, types: ['image/*'] })).toBe(false);
    expect(canUpload({ maxBytes: 10, types: [] })).toBe(false);
    expect(canUpload(uploads)).toBe(true);
  });
});
