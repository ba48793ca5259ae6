import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CANNED_VARIABLES } from '@tandem/core';
import type { CannedResponse } from '@tandem/protocol';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { CannedSection } from './canned-section.tsx';
import { sessionWrapper } from '../../test-support/session.tsx';

type CannedFields = Pick<CannedResponse, 'shortcut' | 'locale' | 'title' | 'body'>;

function canned(n: number, fields: CannedFields): CannedResponse {
  const at = '2026-01-01T00:00:00.000Z';
  return { id: `00000000-0000-4000-8000-00000000000${n}`, ...fields, variables: [], createdBy: null, createdAt: at, updatedAt: at };
}

/** The canned-responses API in memory; like the server, it refuses placeholders it does not know, on `body`. */
function cannedApi(initial: CannedResponse[]) {
  const items = [...initial];
  const sent: { method: string; path: string; body: unknown }[] = [];
  const known: readonly string[] = CANNED_VARIABLES;
  const notFound = (method: string, path: string) => new ProblemError(404, 'route.not_found', `No route ${method} ${path}.`);
  const http: HttpClient = {
    async get<T>(path: string, query: Record<string, unknown> = {}) {
      if (path !== '/canned-responses') throw notFound('GET', path);
      const q = String(query.q ?? '').toLowerCase();
      return { items: items.filter((c) => [c.shortcut, c.title, c.body].some((text) => text.toLowerCase().includes(q))) } as T;
    },
    async send<T>(method: string, path: string, body?: unknown) {
      sent.push({ method, path, body });
      if (method !== 'POST' || path !== '/canned-responses') throw notFound(method, path);
      const fields = body as CannedFields;
      const unknown = [...fields.body.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1]!).filter((name) => !known.includes(name));
      if (unknown.length) {
        throw new ProblemError(400, 'canned_response.unknown_variable', `Unknown: ${unknown.map((n) => `{{${n}}}`).join(', ')}.`, unknown.map((n) => ({ path: 'body', message: `unknown variable {{${n}}}` })));
      }
      const created = canned(items.length + 1, fields);
      items.push(created);
      return created as T;
    },
    async upload() {
      throw notFound('POST', '/uploads');
    },
  };
  return { http, items, sent };
}

function renderSection(http: HttpClient) {
  return render(sessionWrapper({ http })(<CannedSection />));
}

function fillForm(fields: CannedFields) {
  fireEvent.click(screen.getByRole('button', { name: 'Add canned response' }));
  fireEvent.change(screen.getByLabelText('Shortcut'), { target: { value: fields.shortcut } });
  fireEvent.change(screen.getByLabelText('Language'), { target: { value: fields.locale } });
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: fields.title } });
  fireEvent.change(screen.getByLabelText('Body'), { target: { value: fields.body } });
  fireEvent.click(screen.getByRole('button', { name: 'Create' }));
}

const rowTexts = () => screen.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('canned responses settings', () => {
  afterEach(cleanup);
  const greet = canned(1, { shortcut: 'greet', locale: 'en', title: 'Greeting', body: 'Hello {{customer.firstName}}!' });
  const refund = canned(2, { shortcut: 'refund', locale: 'vi', title: 'Hoàn tiền', body: 'Chúng tôi đã hoàn tiền cho {{customer.name}}.' });

  test('the list shows every canned response with its shortcut and title', async () => {
    renderSection(cannedApi([greet, refund]).http);
    expect(await screen.findByText('/greet')).toBeTruthy();
    expect(screen.getByText('Hoàn tiền')).toBeTruthy();
    expect(rowTexts()).toEqual(['/greet', '/refund']);
  });

  test('the search box asks the server for matching responses only', async () => {
    renderSection(cannedApi([greet, refund]).http);
    await screen.findByText('/greet');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'refund' } });
    await screen.findByText('/refund');
    expect(rowTexts()).toEqual(['/refund']);
  });

  test('creating one sends its fields, then the reloaded list shows it', async () => {
    const api = cannedApi([greet]);
    renderSection(api.http);
    await screen.findByText('/greet');
    const fields = { shortcut: 'thanks', locale: 'fa', title: 'Thanks', body: 'Thank you, {{customer.name}}.' } as const;
    fillForm(fields);
    expect(await screen.findByText('/thanks')).toBeTruthy();
    expect(api.sent).toEqual([{ method: 'POST', path: '/canned-responses', body: fields }]);
    expect(rowTexts()).toEqual(['/greet', '/thanks']);
    expect(screen.queryByLabelText('Body')).toBeNull();
  });

  test('an unknown variable is shown under the body field and the list stays as it was', async () => {
    const api = cannedApi([greet]);
    renderSection(api.http);
    await screen.findByText('/greet');
    fillForm({ shortcut: 'call', locale: 'en', title: 'Call back', body: 'We will call {{customer.phone}}.' });
    const message = await screen.findByText('unknown variable {{customer.phone}}');
    const body = screen.getByLabelText('Body');
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(body.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect((body as HTMLTextAreaElement).value).toBe('We will call {{customer.phone}}.');
    expect(screen.getByRole('button', { name: 'Create' }).hasAttribute('disabled')).toBe(false);
    expect(api.items).toHaveLength(1);
    expect(rowTexts()).toEqual(['/greet']);
  });
});
