import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'wouter';
import type { Broadcast } from '@tandem/protocol';
import { recording, renderAt } from '../analytics/console-harness.fake.tsx';
import { POLL_MS } from './broadcast-detail.tsx';
import { broadcastReads, OUTAGE, outage } from './broadcasts-api.fake.ts';
import { BroadcastsRoute } from './broadcasts-route.tsx';

const SLOW = { timeout: 4000 };
const route = <Route path="/broadcasts/*?" component={BroadcastsRoute} />;

function open(path: string, locale: 'en' | 'fa' = 'en', later?: Broadcast) {
  const reads = broadcastReads(later);
  const api = recording(reads.http, (sent) => (sent.path === '/broadcasts' ? outage : { ...outage, status: 'cancelled' }));
  return { ...api, outageReads: reads.outageReads, ...renderAt(path, route, { http: api.http, locale }) };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const counts = () => Object.fromEntries([...screen.getByLabelText('Recipients by status').children].map((d) => [d.children[0]!.textContent, d.children[1]!.textContent]));
const recipientRows = () => screen.getAllByTestId('recipient').map((row) => [...row.children].slice(0, 4).map((cell) => cell.textContent));

describe('broadcasts', () => {
  // The page is loaded lazily; loading it once here keeps each test's waits short.
  beforeAll(() => import('./broadcasts-page.tsx'));
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('a new broadcast to a segment posts it with its channels in order, then its page shows the counts and recipients', async () => {
    const { sent, location } = open('/broadcasts/new');
    await screen.findByRole('heading', { name: 'New broadcast' }, SLOW);
    type('Name', 'Payment outage');
    expect(screen.getByText(/goes to everyone who has not unsubscribed/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Marketing'));
    expect(screen.getByText(/only goes to customers who agreed to marketing/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Service notice'));
    await screen.findByRole('option', { name: 'Late orders' });
    type('Segment', 'late');
    fireEvent.click(screen.getByLabelText('WhatsApp'));
    fireEvent.click(screen.getByLabelText('Web widget'));
    fireEvent.click(screen.getByRole('button', { name: 'Move SMS up' }));
    type('Message (English)', 'Payments are down; we are on it.');
    type('Message (Vietnamese)', 'Thanh toán đang gián đoạn.');
    type('Email subject', 'Payments are down');
    type('Messages per minute', '120');
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));

    await waitFor(() => expect(location.history.at(-1)).toBe(`/broadcasts/${OUTAGE}`));
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/broadcasts',
        body: {
          name: 'Payment outage',
          purpose: 'service',
          audience: { kind: 'segment', segment: 'late' },
          channels: ['sms', 'email'],
          message: { text: { en: 'Payments are down; we are on it.', vi: 'Thanh toán đang gián đoạn.' }, subject: 'Payments are down' },
          ratePerMinute: 120,
        },
      },
    ]);
    expect(await screen.findByRole('heading', { name: 'Payment outage' }, SLOW)).toBeTruthy();
    expect(counts()).toEqual({ Total: '10', Pending: '2', Queued: '0', Sent: '1', Delivered: '5', Read: '0', Failed: '1', Skipped: '1' });
    await waitFor(() => expect(recipientRows()).toEqual([
      ['Nguyễn Lan', 'Email', 'Delivered', ''],
      ['Customer 2', 'SMS', 'Failed', 'carrier rejected the number'],
    ]));
    expect(screen.getByRole('link', { name: 'Nguyễn Lan' }).getAttribute('href')).toMatch(/^\/inbox\/all\//);
  });

  test('a list of accounts, a WhatsApp template and a time to send go as the API takes them', async () => {
    const { sent } = open('/broadcasts/new');
    await screen.findByRole('heading', { name: 'New broadcast' }, SLOW);
    type('Name', 'Delivery delays');
    fireEvent.click(screen.getByLabelText('A list of accounts'));
    type('Account ids', ' acct-1\n\nacct-2 \r\nacct-3\n');
    expect(screen.getByText(/3 ids\.$/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Email'));
    fireEvent.click(screen.getByLabelText('SMS'));
    expect(screen.queryByLabelText('Email subject')).toBeNull();
    fireEvent.click(screen.getByLabelText('Send an approved WhatsApp template'));
    type('Template name', 'order_update');
    type('Template language', 'vi');
    type('Parameters', 'Lan\nthứ Hai');
    type('Message (Vietnamese)', 'Đơn hàng của bạn bị trễ.');
    fireEvent.click(screen.getByLabelText('At a set time'));
    type('Send at', '2026-12-24T09:00');
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body).toEqual({
      name: 'Delivery delays',
      purpose: 'service',
      audience: { kind: 'customers', externalIds: ['acct-1', 'acct-2', 'acct-3'] },
      channels: ['whatsapp', 'web'],
      message: { text: { vi: 'Đơn hàng của bạn bị trễ.' }, whatsappTemplate: { name: 'order_update', language: 'vi', parameters: ['Lan', 'thứ Hai'] } },
      scheduledAt: new Date('2026-12-24T09:00').toISOString(),
      ratePerMinute: 600,
    });
  });

  test('a broadcast still sending can be cancelled; once it is not sending the page stops asking', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    vi.stubGlobal('confirm', vi.fn(() => true));
    const { sent, outageReads } = open(`/broadcasts/${OUTAGE}`, 'en', { ...outage, status: 'cancelled', counts: { sent: 1, delivered: 5, failed: 1, skipped: 3 } });
    expect(await screen.findByText('Sending', { selector: '.broadcast-status' }, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the broadcast' }));
    await waitFor(() => expect(sent).toEqual([{ method: 'POST', path: `/broadcasts/${OUTAGE}/cancel`, body: undefined }]));
    expect(await screen.findByText('Cancelled', { selector: '.broadcast-status' })).toBeTruthy();
    expect(outageReads()).toBe(2);
    expect(counts()).toMatchObject({ Total: '10', Pending: '0', Skipped: '3' });
    expect(screen.queryByRole('button', { name: 'Cancel the broadcast' })).toBeNull();
    act(() => vi.advanceTimersByTime(POLL_MS * 3));
    expect(outageReads()).toBe(2);
  });

  test('the refresh comes every few seconds while it sends', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { outageReads } = open(`/broadcasts/${OUTAGE}`);
    await screen.findByText('Sending', { selector: '.broadcast-status' }, SLOW);
    act(() => vi.advanceTimersByTime(POLL_MS - 1));
    expect(outageReads()).toBe(1);
    act(() => vi.advanceTimersByTime(1));
    expect(await screen.findByText('Done', { selector: '.broadcast-status' })).toBeTruthy();
    expect(counts().Delivered).toBe('8');
  });

  test('recipients filter by status and page on with the cursor', async () => {
    const { gets } = open(`/broadcasts/${OUTAGE}`);
    await screen.findAllByTestId('recipient', {}, SLOW);
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    await waitFor(() => expect(recipientRows()).toHaveLength(3));
    expect(recipientRows()[2]).toEqual(['Customer 3', '—', 'Skipped', 'Unsubscribed']);
    expect(gets.filter((g) => g.path.endsWith('/recipients')).at(-1)!.query).toEqual({ status: '', limit: 50, cursor: 'page-2' });

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'failed' } });
    await waitFor(() => expect(recipientRows()).toEqual([['Customer 2', 'SMS', 'Failed', 'carrier rejected the number']]));
    expect(screen.queryByRole('button', { name: 'More' })).toBeNull();
  });

  test('the list shows each broadcast’s status, time and counts; in Persian right to left with Persian digits', async () => {
    open('/broadcasts');
    const table = (await screen.findByRole('link', { name: 'Payment outage' }, SLOW)).closest('table')!;
    const rows = within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Payment outage', 'Sending', 'Pending 2 · Sent 1 · Delivered 5 · Failed 1 · Skipped 1'],
      ['Spring sale', 'Done', 'Read 40 · Skipped 12'],
    ]);
    cleanup();

    open('/broadcasts', 'fa');
    await screen.findByRole('link', { name: 'Payment outage' }, SLOW);
    expect(screen.getByRole('main').getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('ارسال گروهی');
    expect(screen.getByRole('link', { name: 'ارسال گروهی تازه' })).toBeTruthy();
    expect(screen.getByText('خوانده شد ۴۰ · کنار گذاشته شد ۱۲')).toBeTruthy();
  });
});
