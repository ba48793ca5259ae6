import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Locale } from '@tandem/core';
import type { PrivacySettings } from '@tandem/protocol';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { sessionWrapper } from '../../test-support/session.tsx';
import { PrivacySection } from './privacy-section.tsx';

/** The privacy settings API in memory; like the server, it refuses a period outside 1–3650 days on `body.retentionDays`. */
function settingsApi(initial: PrivacySettings) {
  let current = initial;
  const puts: unknown[] = [];
  const http: HttpClient = {
    async get<T>(path: string) {
      if (path !== '/privacy/settings') throw new ProblemError(404, 'route.not_found', `No route GET ${path}.`);
      return current as T;
    },
    async send<T>(method: string, path: string, body?: unknown) {
      if (method !== 'PUT' || path !== '/privacy/settings') throw new ProblemError(404, 'route.not_found', `No route ${method} ${path}.`);
      puts.push(body);
      const next = body as PrivacySettings;
      if (next.retentionDays !== null && (next.retentionDays < 1 || next.retentionDays > 3650)) {
        throw new ProblemError(400, 'request.invalid', 'The request is invalid.', [{ path: 'body.retentionDays', message: 'Too big: expected number to be <=3650' }]);
      }
      current = next;
      return current as T;
    },
    async upload<T>() {
      return {} as T;
    },
  };
  return { http, puts, current: () => current };
}

const show = (http: HttpClient, locale: Locale = 'en') => render(sessionWrapper({ http, locale })(<PrivacySection />));

describe('privacy settings', () => {
  afterEach(cleanup);

  test('shows the current settings and saves what the admin changed', async () => {
    const api = settingsApi({ maskPiiForAgents: false, retentionDays: null, retentionAction: 'anonymize' });
    show(api.http);
    const mask = (await screen.findByRole('switch', { name: 'Mask personal data for agents' })) as HTMLInputElement;
    expect(mask.checked).toBe(false);
    const days = screen.getByLabelText('Keep resolved conversations for (days)') as HTMLInputElement;
    expect(days.value).toBe('');
    fireEvent.click(mask);
    fireEvent.change(days, { target: { value: '90' } });
    fireEvent.change(screen.getByLabelText('After that'), { target: { value: 'delete' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(api.puts).toEqual([{ maskPiiForAgents: true, retentionDays: 90, retentionAction: 'delete' }]);
  });

  test('an empty period keeps conversations forever', async () => {
    const api = settingsApi({ maskPiiForAgents: true, retentionDays: 30, retentionAction: 'delete' });
    show(api.http);
    const days = (await screen.findByLabelText('Keep resolved conversations for (days)')) as HTMLInputElement;
    expect(days.value).toBe('30');
    fireEvent.change(days, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.puts).toEqual([{ maskPiiForAgents: true, retentionDays: null, retentionAction: 'delete' }]));
  });

  test('a period the server refuses shows its message on the field and changes nothing', async () => {
    const api = settingsApi({ maskPiiForAgents: false, retentionDays: 30, retentionAction: 'anonymize' });
    show(api.http);
    fireEvent.change(await screen.findByLabelText('Keep resolved conversations for (days)'), { target: { value: '5000' } });
    // Submitted past the browser's own range check, as an older browser or a script would.
    fireEvent.submit(screen.getByRole('form', { name: 'Privacy' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too big: expected number to be <=3650');
    expect(screen.getByLabelText('Keep resolved conversations for (days)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Saved.')).toBeNull();
    expect(api.current().retentionDays).toBe(30);
  });

  test('in Persian, labels, choices and the day limit read in Persian', async () => {
    show(settingsApi({ maskPiiForAgents: true, retentionDays: null, retentionAction: 'anonymize' }).http, 'fa');
    expect(((await screen.findByRole('switch', { name: 'پوشاندن داده‌های شخصی برای کارشناسان' })) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('option', { name: 'حذف گفتگوها' })).toBeTruthy();
    expect(screen.getByText(/از ۱ تا ۳٬۶۵۰ روز/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ذخیره' })).toBeTruthy();
  });
});
