import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Locale } from '@tandem/core';
import type { ContactPreferences } from '@tandem/protocol';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { sessionWrapper } from '../../test-support/session.tsx';
import { ContactPreferencesSection } from './contact-preferences.tsx';

/** The preferences API in memory; `refuse` makes every change fail. */
function preferencesApi(options: { refuse?: boolean } = {}) {
  const stored: ContactPreferences = { doNotDisturb: false, noticesOptedOut: true };
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  const http: HttpClient = {
    async get<T>(path: string) {
      if (path === '/customers/cu1/contact-preferences') return { ...stored } as T;
      throw new ProblemError(404, 'route.not_found', `No route GET ${path}.`);
    },
    async send<T>(method: string, path: string, body?: unknown) {
      sent.push({ method, path, body });
      if (options.refuse) throw new ProblemError(503, 'service.unavailable', 'down');
      Object.assign(stored, body);
      return { ...stored } as T;
    },
    async upload<T>() {
      return {} as T;
    },
  };
  return { http, sent };
}

const show = (http: HttpClient, locale: Locale = 'en') => render(sessionWrapper({ http, locale })(<ContactPreferencesSection customerId="cu1" />));

afterEach(cleanup);

describe('contact preferences on the customer panel', () => {
  test('shows what the customer asked and records a change', async () => {
    const api = preferencesApi();
    show(api.http);
    const proactive = await screen.findByRole('checkbox', { name: 'No proactive messages on the website' });
    expect((proactive as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'No notices (broadcasts, order updates)' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(proactive);
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'No proactive messages on the website' }) as HTMLInputElement).checked).toBe(true));
    expect(api.sent).toEqual([{ method: 'PATCH', path: '/customers/cu1/contact-preferences', body: { doNotDisturb: true } }]);
  });

  test('a failed save says so and leaves the box as it was', async () => {
    const api = preferencesApi({ refuse: true });
    show(api.http);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'No proactive messages on the website' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not save/);
    expect((screen.getByRole('checkbox', { name: 'No proactive messages on the website' }) as HTMLInputElement).checked).toBe(false);
  });

  test('in Persian', async () => {
    show(preferencesApi().http, 'fa');
    expect(await screen.findByRole('heading', { name: 'ترجیحات تماس' })).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'بدون پیام پیشگیرانه در وب‌سایت' }) as HTMLInputElement).checked).toBe(false);
  });
});
