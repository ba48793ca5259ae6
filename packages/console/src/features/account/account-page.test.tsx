import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ApiToken } from '@tandem/protocol';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { sessionWrapper } from '../../test-support/session.tsx';
import { ApiTokensSection } from './api-tokens-section.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Tandem:lan%40example.com?issuer=Tandem&secret=${SECRET}&algorithm=SHA1&digits=6&period=30`;

/** The account endpoints in memory: two-factor accepts the code 123456; tokens belong to agent a1. */
function accountApi() {
  const state = { twoFactor: false, tokens: [] as ApiToken[] };
  const sent: { method: string; path: string; body: unknown }[] = [];
  const notFound = (path: string) => new ProblemError(404, 'route.not_found', path);
  const http: HttpClient = {
    async get<T>(path: string) {
      if (path === '/me') return { twoFactorEnabled: state.twoFactor } as T;
      if (path === '/api-tokens') return { items: state.tokens } as T;
      throw notFound(path);
    },
    async send<T>(method: string, path: string, body?: unknown) {
      sent.push({ method, path, body });
      const code = (body as { code?: string } | undefined)?.code;
      if (path === '/me/two-factor/setup') return { secret: SECRET, otpauthUri: URI } as T;
      if (path === '/me/two-factor/enable' || path === '/me/two-factor/disable') {
        if (code !== '123456') throw new ProblemError(400, 'auth.totp_invalid', 'The two-factor code is wrong or expired');
        state.twoFactor = path.endsWith('enable');
        return { ok: true } as T;
      }
      if (path === '/api-tokens' && method === 'POST') {
        const { name, scopes } = body as Pick<ApiToken, 'name' | 'scopes'>;
        state.tokens.push({ id: `t${state.tokens.length + 1}`, name, scopes, agentId: 'a1', createdAt: '2026-01-01T00:00:00.000Z', lastUsedAt: null, revokedAt: null });
        return { token: 'tdk_secret_value' } as T;
      }
      throw notFound(path);
    },
    upload: async () => {
      throw notFound('/uploads');
    },
  };
  return { http, state, sent };
}

afterEach(cleanup);

describe('the account screen', () => {
  test('two-factor is set up from a secret shown as text, confirmed with a code, and turned off with a code', async () => {
    const { http, state } = accountApi();
    render(sessionWrapper({ http, role: 'agent' })(<TwoFactorSection />));
    expect((await screen.findByRole('status')).textContent).toBe('Two-factor authentication is off.');
    fireEvent.click(screen.getByRole('button', { name: 'Set up two-factor' }));

    expect((await screen.findByLabelText<HTMLInputElement>('Secret key')).value).toBe(SECRET);
    expect(screen.getByLabelText<HTMLInputElement>('Setup link').value).toBe(URI);
    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '999999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/wrong or has expired/);
    expect(state.twoFactor).toBe(false);

    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    await screen.findByText('Two-factor authentication is on.');
    expect(screen.queryByLabelText('Secret key')).toBeNull();

    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn off two-factor' }));
    await screen.findByText('Two-factor authentication is off.');
    expect(state.twoFactor).toBe(false);
  });

  test('the read-only box makes a token that may only read, and the new secret is shown once', async () => {
    const { http, sent } = accountApi();
    render(sessionWrapper({ http, role: 'agent' })(<ApiTokensSection />));
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Dashboard' } });
    fireEvent.click(screen.getByLabelText(/Read-only/));
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    expect((await screen.findByLabelText<HTMLInputElement>('Token')).value).toBe('tdk_secret_value');
    expect(sent).toEqual([{ method: 'POST', path: '/api-tokens', body: { name: 'Dashboard', scopes: ['read'] } }]);
    const row = await waitFor(() => screen.getByRole('row', { name: /Dashboard/ }));
    expect(within(row).getAllByRole('cell')[1]!.textContent).toBe('Read-only');
  });
});
