import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'wouter';
import { analyticsReads, SUPPORT_TEAM } from './analytics-api.fake.ts';
import { AnalyticsRoute } from './analytics-route.tsx';
import { recording, renderAt } from './console-harness.fake.tsx';

const route = <Route path="/analytics/:view?" component={AnalyticsRoute} />;
const RANGE = '?from=2026-11-30&to=2026-12-02';

function open(path: string, options: { locale?: 'en' | 'vi' | 'fa'; role?: 'admin' | 'agent' } = {}) {
  const api = recording(analyticsReads());
  const view = renderAt(path, route, { http: api.http, ...options });
  return { ...api, ...view };
}

const SLOW = { timeout: 4000 };
const card = (title: string) => screen.getByRole('heading', { name: title, level: 3 }).closest('section')!;
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));

describe('analytics dashboard', () => {
  // The page is loaded lazily; loading it (and the charting library) once here keeps each test's waits short.
  beforeAll(() => import('./analytics-page.tsx'));
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  test('the overview shows its numbers, each with the console’s own definition, and the server’s text for a metric it does not know', async () => {
    open(`/analytics${RANGE}`);
    const conversations = (await screen.findByText('Conversations', { selector: 'dt' }, SLOW)).parentElement!;
    expect(within(conversations).getByText('1,284')).toBeTruthy();
    expect(within(conversations).getByText('Conversations created in the period that match the filters.')).toBeTruthy();
    const csat = screen.getByText('Average rating', { selector: 'dt' }).parentElement!;
    expect([within(csat).getByText('4.3 of 5'), within(csat).getByText('from 412 ratings')].every(Boolean)).toBe(true);
    // The console's own text for an id it knows, not the server's English.
    expect(within(csat).getByText(/surveys left unanswered are not counted\.$/)).toBeTruthy();
    expect(screen.queryByText(/surveys without an answer are not counted/)).toBeNull();
    expect(screen.getByText('92%')).toBeTruthy();
    expect(screen.getByText('86%')).toBeTruthy();
    expect(rowsOf(within(card('Response times')).getByRole('table'))).toEqual([
      ['First response', '2 min, 5 sec', '31 min', '1,102'],
      ['Next response', '1 min, 35 sec', '10 min', '3,420'],
      ['Resolution time', '4 hr, 15 min', '1 day, 2 hr', '990'],
    ]);
    expect(screen.getByText('Share of resolved conversations the customer reopened within 7 days.')).toBeTruthy();
  });

  test('honest and loose resolution stand side by side, each with its definition', async () => {
    open(`/analytics${RANGE}`);
    const honest = (await screen.findByRole('heading', { name: 'Honest count' }, SLOW)).parentElement!;
    expect(within(honest).getByText('1,072')).toBeTruthy();
    expect(within(honest).getByText(/started no other conversation, on any channel, within 7 days/)).toBeTruthy();
    expect(within(honest).getByText('Not counted: 58 customers came back within 7 days.')).toBeTruthy();
    const loose = screen.getByRole('heading', { name: 'Loose count' }).parentElement!;
    expect(within(loose).getByText('1,008')).toBeTruthy();
    expect(within(loose).getByText(/whether or not the customer came back, as most products count/)).toBeTruthy();
  });

  test('a chart’s Table toggle shows its exact numbers in a table, and CSV downloads them', async () => {
    open(`/analytics${RANGE}`);
    await screen.findByText('1,284', undefined, SLOW);
    const channels = card('Conversations by channel');
    expect(within(channels).queryByRole('table')).toBeNull();
    const toggle = within(channels).getByRole('button', { name: 'Table: Conversations by channel' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(rowsOf(within(channels).getByRole('table', { name: 'Conversations by channel' }))).toEqual([['Web', '803'], ['Email', '317'], ['WhatsApp', '164']]);

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:csv';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    fireEvent.click(within(channels).getByRole('button', { name: 'CSV: Conversations by channel' }));
    expect(await blobs[0]!.text()).toBe('\uFEFFChannel,Conversations\r\nWeb,803\r\nEmail,317\r\nWhatsApp,164\r\n');
  });

  test('changing a filter asks the API again with it and puts it in the URL, so the view can be shared', async () => {
    const { gets, location } = open(`/analytics${RANGE}`);
    await screen.findByText('1,284', undefined, SLOW);
    expect(gets.filter((g) => g.path === '/analytics/overview').map((g) => g.query)).toEqual([{ from: '2026-11-30', to: '2026-12-02' }]);

    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'email' } });
    await screen.findByRole('option', { name: 'Support' });
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: SUPPORT_TEAM } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    await waitFor(() => expect(gets.filter((g) => g.path === '/analytics/overview')).toHaveLength(4), SLOW);
    expect(gets.filter((g) => g.path === '/analytics/overview').at(-1)!.query).toEqual({ from: '2026-11-01', to: '2026-12-02', channel: 'email', teamId: SUPPORT_TEAM });
    expect(location.history.at(-1)).toBe(`/analytics?from=2026-11-01&to=2026-12-02&channel=email&teamId=${SUPPORT_TEAM}`);

    fireEvent.click(screen.getByRole('link', { name: 'Journeys' }));
    await screen.findByRole('heading', { name: 'How far customers got' }, SLOW);
    expect(gets.filter((g) => g.path === '/analytics/journeys').map((g) => g.query)).toEqual([{ from: '2026-11-01', to: '2026-12-02', channel: 'email', teamId: SUPPORT_TEAM }]);
  });

  test('a start date after the end date is refused on the page and not sent', async () => {
    const { gets } = open('/analytics/self-service?from=2026-12-05&to=2026-12-01');
    expect((await screen.findByRole('alert')).textContent).toBe('The start date is after the end date.');
    expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
    expect(gets.some((g) => g.path.startsWith('/analytics/'))).toBe(false);
  });

  test('journeys name the touchpoints the console knows in the reader’s language and keep the server’s names for the rest', async () => {
    open(`/analytics/journeys${RANGE}`);
    const flow = card(await screen.findByRole('heading', { name: 'Customer journeys' }, SLOW).then((h) => h.textContent!));
    fireEvent.click(within(flow).getByRole('button', { name: 'Table: Customer journeys' }));
    expect(rowsOf(within(flow).getByRole('table'))).toEqual([['Help center', 'Chat widget', '900'], ['Chat widget', 'Bot', '400'], ['Bot', 'Agent', '60'], ['Bot', 'kiosk', '5']]);
    const reasons = card('Why the bot handed over');
    fireEvent.click(within(reasons).getByRole('button', { name: 'Table: Why the bot handed over' }));
    expect(rowsOf(within(reasons).getByRole('table'))).toEqual([['The customer asked for a person', '70'], ['The bot did not understand, twice', '31'], ['shipping_webhook_down', '4']]);
  });

  test('an agent is told the dashboard is for admins, and nothing is asked of the API', async () => {
    const { gets } = open(`/analytics${RANGE}`, { role: 'agent' });
    expect(await screen.findByText('Only admins and owners can see analytics.')).toBeTruthy();
    expect(gets.some((g) => g.path.startsWith('/analytics/'))).toBe(false);
  });

  test('in Persian the page runs right to left, charts keep left-to-right axes, and numbers use Persian digits', async () => {
    open(`/analytics${RANGE}`, { locale: 'fa' });
    const conversations = (await screen.findByText('گفتگوها', { selector: 'dt' }, SLOW)).parentElement!;
    expect(within(conversations).getByText('۱٬۲۸۴')).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('تحلیل');
    const channels = card('گفتگوها بر اساس کانال');
    expect(channels.querySelector('.chart-card__chart')!.getAttribute('dir')).toBe('ltr');
    fireEvent.click(within(channels).getByRole('button', { name: 'جدول: گفتگوها بر اساس کانال' }));
    expect(rowsOf(within(channels).getByRole('table'))[0]).toEqual(['وب', '۸۰۳']);
    expect(screen.getByText('۹۲٪')).toBeTruthy();
    expect(screen.getByText('۴٫۳ از ۵')).toBeTruthy();
  });

  test('in Persian the staffing table starts the week on Saturday and reads right to left', async () => {
    open(`/analytics/staffing${RANGE}`, { locale: 'fa' });
    const heat = await screen.findByRole('table', { name: 'کارشناسان لازم در هر نیم‌ساعت' }, SLOW);
    expect(heat.closest('.heat')!.getAttribute('dir')).toBe('rtl');
    const [head, ...body] = within(heat).getAllByRole('row').map((row) => [...row.children]);
    expect(head!.map((c) => c.textContent)).toEqual(['ساعت', 'شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه']);
    // From the first to the last busy half hour: 09:00 to 10:00 (Sunday 20:00 had no arrivals).
    expect(body.map((cells) => cells[0]!.textContent)).toEqual(['۰۹:۰۰', '۰۹:۳۰', '۱۰:۰۰']);
    // Monday (third column after Saturday and Sunday) at 09:30.
    expect(body[1]![3]!.textContent).toBe('۴(۶٫۳)کارشناسان لازم: ۴. گفتگوهای تازه: ۶٫۳.');
  });
});
