import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '@tandem/core';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { createConsoleI18n } from '../../i18n/console-i18n.ts';
import type { SessionInfo } from './session-context.tsx';
import { SignInPage } from './sign-in-page.tsx';

const SESSION: SessionInfo = {
  agent: { id: 'a1', email: 'lan@example.com', handle: 'lan', name: 'Lan', role: 'agent', skills: [], createdAt: '2026-01-01T00:00:00.000Z' },
  workspace: { id: 'w1', name: 'Shop', slug: 'shop' },
  limits: { messageMaxChars: 10_000, uploadMaxBytes: 10_000_000 },
};

/** /auth/login for an agent with two-factor on (code 123456), or one locked out. */
function loginApi(options: { locked?: boolean } = {}) {
  const sent: Record<string, string>[] = [];
  const refuse = (status: number, code: string) => new ProblemError(status, code, code);
  const http: HttpClient = {
    get: async () => {
      throw refuse(404, 'route.not_found');
    },
    async send<T>(_method: string, path: string, body?: unknown) {
      const fields = body as Record<string, string>;
      sent.push(fields);
      if (path !== '/auth/login') throw refuse(404, 'route.not_found');
      if (options.locked) throw refuse(429, 'auth.locked');
      if (fields.password !== 'correct horse battery') throw refuse(401, 'auth.invalid_credentials');
      if (fields.code === undefined) throw refuse(401, 'auth.totp_required');
      if (fields.code !== '123456') throw refuse(400, 'auth.totp_invalid');
      return SESSION as T;
    },
    upload: async () => {
      throw refuse(404, 'route.not_found');
    },
  };
  return { http, sent };
}

function renderPage(http: HttpClient, locale: Locale = 'en') {
  const signedIn: SessionInfo[] = [];
  render(
    <I18nextProvider i18n={createConsoleI18n(locale)}>
      <SignInPage http={http} expired={false} onSignedIn={(session) => signedIn.push(session)} />
    </I18nextProvider>,
  );
  return signedIn;
}

function fillCredentials(labels: { workspace: string; email: string; password: string }) {
  fireEvent.change(screen.getByLabelText(labels.workspace), { target: { value: 'shop' } });
  fireEvent.change(screen.getByLabelText(labels.email), { target: { value: 'lan@example.com' } });
  fireEvent.change(screen.getByLabelText(labels.password), { target: { value: 'correct horse battery' } });
}

const ENGLISH = { workspace: 'Workspace', email: 'Email', password: 'Password' };

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('signing in with two-factor', () => {
  test('the code field appears when the server asks for it, and the same sign-in is sent again with the code', async () => {
    const { http, sent } = loginApi();
    const signedIn = renderPage(http);
    expect(screen.queryByLabelText('Two-factor code')).toBeNull();
    fillCredentials(ENGLISH);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const code = await screen.findByLabelText('Two-factor code');
    expect(screen.getByRole('status').textContent).toMatch(/authenticator app/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(signedIn).toEqual([]);
    fireEvent.change(code, { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(signedIn).toEqual([SESSION]));
    expect(sent.at(-1)).toEqual({ workspace: 'shop', email: 'lan@example.com', password: 'correct horse battery', code: '123456' });
  });

  test('a wrong code says so and keeps the code field for another try', async () => {
    const { http } = loginApi();
    const signedIn = renderPage(http);
    fillCredentials(ENGLISH);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    fireEvent.change(await screen.findByLabelText('Two-factor code'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('That code is wrong or has expired. Enter the current code from your app.');
    expect(screen.getByLabelText('Two-factor code')).toBeTruthy();
    expect(signedIn).toEqual([]);
  });

  test('a locked account is told to wait, without asking for a code', async () => {
    const { http } = loginApi({ locked: true });
    renderPage(http);
    fillCredentials(ENGLISH);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/locked for 15 minutes/);
    expect(screen.queryByLabelText('Two-factor code')).toBeNull();
  });

  test('in Persian the page is right to left, the code stays left to right, and Persian digits are sent as ASCII', async () => {
    const { http, sent } = loginApi();
    const signedIn = renderPage(http, 'fa');
    expect(screen.getByRole('main').getAttribute('dir')).toBe('rtl');
    fillCredentials({ workspace: 'فضای کار', email: 'ایمیل', password: 'گذرواژه' });
    fireEvent.click(screen.getByRole('button', { name: 'ورود' }));

    const code = await screen.findByLabelText('کد تأیید دومرحله‌ای');
    expect(screen.getByRole('status').textContent).toContain('کد ۶ رقمی');
    expect(code.getAttribute('dir')).toBe('ltr');
    fireEvent.change(code, { target: { value: '۱۲۳۴۵۶' } });
    fireEvent.click(screen.getByRole('button', { name: 'ورود' }));

    await waitFor(() => expect(signedIn).toEqual([SESSION]));
    expect(sent.at(-1)?.code).toBe('123456');
  });
});
