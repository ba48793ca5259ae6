import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_KINDS = ['session', 'api', 'widget'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

const PREFIX = { session: 'tds', api: 'tdk', widget: 'tdw' } as const satisfies Record<TokenKind, string>;
const FORMAT = /^(tds|tdk|tdw)_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

/**
 * Tokens name their workspace (not secret) so every lookup filters on workspace_id, and carry
 * 256 random bits (the secret). Only a SHA-256 of the token is stored: a leaked table grants nothing.
 */
export function generateToken(kind: TokenKind, workspaceId: string): { token: string; hash: string } {
  const token = `${PREFIX[kind]}_${workspaceId}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function parseToken(token: string): { kind: TokenKind; workspaceId: string } | null {
  const match = FORMAT.exec(token);
  if (!match) return null;
  const kind = TOKEN_KINDS.find((k) => PREFIX[k] === match[1]);
  return kind ? { kind, workspaceId: match[2]! } : null;
}
