import { inTransaction } from '../../adapters/postgres/database.ts';
import type { AgentRecord, WorkspaceRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findAgentCredentials } from '../agents/agent.store.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { findWorkspaceBySlug } from '../workspaces/workspace.store.ts';
import { recordLoginFailure, resetLoginFailures } from './agent-security.store.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import type { TwoFactorService } from './two-factor.service.ts';

// Five guesses, then a quarter of an hour: enough for typos, too slow for guessing. The per-IP
// rate limit on /auth/login covers one client; this covers many clients aiming at one agent.
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface LoginInput {
  workspace: string;
  email: string;
  password: string;
  code?: string | undefined;
}

export type LoginResult =
  | { kind: 'signed_in'; token: string; agent: AgentRecord; workspace: WorkspaceRecord; twoFactorEnabled: boolean }
  | { kind: 'locked'; retryAfterSeconds: number };

export interface LoginTools {
  issueSession: (workspaceId: string, agentId: string) => Promise<string>;
  /** Revokes the session token the browser still carried, whoever it belonged to. */
  revokePresentedSession: (token: string) => Promise<void>;
  twoFactor: TwoFactorService;
}

export function createLoginService(deps: ServiceDeps, tools: LoginTools) {
  const { db, clock, ids, log } = deps;

  const lockedUntil = (until: Date, now: Date): LoginResult => ({
    kind: 'locked',
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  });

  /** One more failure for an existing agent: the problem `code`, or the lock this failure set. */
  async function fail(workspaceId: string, agentId: string, code: 'auth.invalid_credentials' | 'auth.totp_invalid'): Promise<LoginResult> {
    const now = clock();
    const locked = await inTransaction(db, async (tx) => {
      const until = await recordLoginFailure(tx, workspaceId, agentId, { maxFailures: MAX_FAILED_LOGINS, lockUntil: new Date(now.getTime() + LOCKOUT_MS) });
      if (until) {
        const data = { failedLogins: MAX_FAILED_LOGINS, lockedUntil: until.toISOString() };
        await recordAudit(tx, { workspaceId, id: ids(), actor: { type: 'system', id: null }, action: 'agent.locked', targetType: 'agent', targetId: agentId, data, at: now });
      }
      return until;
    });
    if (!locked) throw appError(code);
    log.info({ workspaceId, agentId }, 'agent locked after repeated failed sign-ins');
    return lockedUntil(locked, now);
  }

  return async function login(input: LoginInput, presentedToken: string | undefined): Promise<LoginResult> {
    const now = clock();
    const workspace = await findWorkspaceBySlug(db, input.workspace);
    const found = workspace ? await findAgentCredentials(db, workspace.id, input.email.toLowerCase()) : null;
    // A locked agent is answered before the password is even hashed: guessing on costs no CPU.
    if (found?.credentials.lockedUntil && found.credentials.lockedUntil > now) return lockedUntil(found.credentials.lockedUntil, now);
    const valid = await verifyPassword(input.password, found?.credentials.passwordHash ?? DUMMY_HASH);
    if (!workspace || !found) throw appError('auth.invalid_credentials');
    const { agent, credentials } = found;
    if (!valid) return fail(workspace.id, agent.id, 'auth.invalid_credentials');
    const totpSecret = credentials.totpEnabledAt ? credentials.totpSecret : null;
    if (totpSecret) {
      if (!input.code) throw appError('auth.totp_required', 'Enter the 6-digit code from your authenticator app.');
      if (!(await tools.twoFactor.check(workspace.id, agent.id, totpSecret, input.code))) return fail(workspace.id, agent.id, 'auth.totp_invalid');
    }
    if (credentials.failedLogins > 0 || credentials.lockedUntil) await resetLoginFailures(db, workspace.id, agent.id);
    const token = await tools.issueSession(workspace.id, agent.id);
    if (presentedToken) await tools.revokePresentedSession(presentedToken);
    return { kind: 'signed_in', token, agent, workspace, twoFactorEnabled: totpSecret !== null };
  };
}
