import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Locale } from '@tandem/core';
import type { Agent, Customer, PrivacyRequest } from '@tandem/protocol';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { sessionWrapper } from '../../test-support/session.tsx';
import { CustomerDataRights } from './customer-data-rights.tsx';
import { CustomerPanel } from './customer-panel.tsx';

const at = '2026-05-04T10:00:00.000Z';
const lan: Customer = {
  id: 'cu1', name: 'Lan', attributes: { plan: 'gold' }, consent: { automation: true, behaviour: true, marketing: false },
  identities: [{ id: 'i1', kind: 'email', value: 'lan@example.com', createdAt: at }], mergedIntoId: null, createdAt: at, updatedAt: at,
};
const queued: PrivacyRequest = {
  id: 'pr1', customerId: 'cu1', kind: 'erase', status: 'queued', attempts: 0, report: null, error: null,
  requestedBy: { type: 'agent', id: 'a1' }, createdAt: at, startedAt: null, finishedAt: null,
};
const done: PrivacyRequest = { ...queued, status: 'done', attempts: 1, startedAt: at, finishedAt: at, report: { conversations: 2, messages: 14, attachments: 1, searches: 0 } };

/** The customer and privacy API in memory: the erasure is queued, then running, then done on the following reads. */
function privacyApi(options: { progress?: PrivacyRequest[]; refuse?: ProblemError } = {}) {
  const sent: string[] = [];
  const progress = [...(options.progress ?? [{ ...queued, status: 'running', attempts: 1 }, done])];
  const exported = { format: 'tandem.customer-export.v1', customer: lan, conversations: [] };
  const http: HttpClient = {
    async get<T>(path: string) {
      sent.push(`GET ${path}`);
      if (path === '/customers/cu1') return lan as T;
      if (path === '/customers/cu1/export') return exported as T;
      if (path === '/privacy-requests') return { items: [], nextCursor: null } as T;
      if (path === '/privacy-requests/pr1') return (progress.length > 1 ? progress.shift()! : progress[0]!) as T;
      throw new ProblemError(404, 'route.not_found', `No route GET ${path}.`);
    },
    async send<T>(method: string, path: string) {
      sent.push(`${method} ${path}`);
      if (options.refuse) throw options.refuse;
      if (method === 'POST' && path === '/customers/cu1/erase') return queued as T;
      throw new ProblemError(404, 'route.not_found', `No route ${method} ${path}.`);
    },
    async upload<T>() {
      return {} as T;
    },
  };
  return { http, sent, exported };
}

function show(http: HttpClient, options: { locale?: Locale; onErased?: () => void } = {}) {
  return render(sessionWrapper({ http, locale: options.locale ?? 'en' })(<CustomerDataRights customer={lan} onErased={options.onErased ?? (() => undefined)} pollMs={10} />));
}

describe("a customer's data rights", () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  test('"Export data" downloads everything the server exports as customer-<id>.json', async () => {
    const { http, sent, exported } = privacyApi();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:export'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    show(http);
    fireEvent.click(screen.getByRole('button', { name: 'Export data' }));
    await waitFor(() => expect(downloads).toEqual(['customer-cu1.json']));
    expect(sent).toContain('GET /customers/cu1/export');
    expect(JSON.parse(await blobs[0]!.text())).toEqual(exported);
  });

  test('erasing asks first, naming what goes, then follows the request until it is done and shows what it removed', async () => {
    const { http, sent } = privacyApi();
    const onErased = vi.fn();
    show(http, { onErased });
    fireEvent.click(screen.getByRole('button', { name: 'Erase customer…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase Lan?' });
    expect(within(dialog).getByText('Their conversations, with every message')).toBeTruthy();
    expect(within(dialog).getByText('The files they sent or received, deleted from disk')).toBeTruthy();
    expect(sent).not.toContain('POST /customers/cu1/erase');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase' }));
    expect(await screen.findByText('Erasure queued. This page follows it.')).toBeTruthy();
    expect(await screen.findByText(/^Erased on /)).toBeTruthy();
    const report = screen.getByLabelText('Removed or anonymized');
    expect(within(report).getByText('Conversations').nextSibling?.textContent).toBe('2');
    expect(within(report).getByText('Messages').nextSibling?.textContent).toBe('14');
    expect(within(report).queryByText('Searches')).toBeNull();
    expect(onErased).toHaveBeenCalledTimes(1);
    expect(sent.filter((s) => s === 'POST /customers/cu1/erase')).toHaveLength(1);
  });

  test('Cancel closes the dialog and erases nothing', async () => {
    const { http, sent } = privacyApi();
    show(http);
    fireEvent.click(screen.getByRole('button', { name: 'Erase customer…' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent.some((s) => s.startsWith('POST'))).toBe(false);
  });

  test('a refused request keeps the dialog open with the reason', async () => {
    const { http } = privacyApi({ refuse: new ProblemError(403, 'auth.forbidden', 'This needs the admin role.') });
    show(http);
    fireEvent.click(screen.getByRole('button', { name: 'Erase customer…' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Erase' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The request failed: This needs the admin role.');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  test('in Persian, the dialog and the report are translated and counts use Persian digits', async () => {
    const { http } = privacyApi();
    show(http, { locale: 'fa' });
    fireEvent.click(screen.getByRole('button', { name: 'پاک کردن مشتری…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lan پاک شود؟' });
    expect(within(dialog).getByText('گفتگوهایش، با همهٔ پیام‌ها')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'پاک کن' }));
    expect(await screen.findByText(/^در .* پاک شد\.$/)).toBeTruthy();
    expect(screen.getByText('پیام‌ها').nextSibling?.textContent).toBe('۱۴');
  });
});

describe('the customer panel', () => {
  afterEach(cleanup);

  const panel = (role: Agent['role']) => render(sessionWrapper({ http: privacyApi().http, role })(<CustomerPanel customerId="cu1" currentConversationId="c1" />));

  test('offers export and erasure to admins only', async () => {
    panel('admin');
    expect(await screen.findByRole('button', { name: 'Export data' })).toBeTruthy();
    cleanup();
    panel('agent');
    expect(await screen.findByText('Lan')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export data' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Erase customer…' })).toBeNull();
  });
});
