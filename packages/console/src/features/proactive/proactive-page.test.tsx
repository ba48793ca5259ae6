import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'wouter';
import { ProblemError } from '../../api/http-client.ts';
import { recording, renderAt, type Sent } from '../analytics/console-harness.fake.tsx';
import { LATE_ORDER_RULE, PRICING_RULE, pricingRule, proactiveReads, REFUND_ARTICLE } from './proactive-api.fake.ts';
import { ProactiveRoute } from './proactive-route.tsx';

const SLOW = { timeout: 4000 };
const route = <Route path="/proactive/*?" component={ProactiveRoute} />;

function open(path: string, options: { locale?: 'en' | 'fa'; refuse?: (sent: Sent) => ProblemError | null } = {}) {
  const api = recording(proactiveReads(), (sent) => {
    const refusal = options.refuse?.(sent);
    if (refusal) throw refusal;
    return sent.method === 'POST' ? { ...pricingRule, id: 'new' } : undefined;
  });
  return { ...api, ...renderAt(path, route, { http: api.http, locale: options.locale }) };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));

describe('proactive rules', () => {
  // The page is loaded lazily; loading it once here keeps each test's waits short.
  beforeAll(() => import('./proactive-page.tsx'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  test('a new time-on-page rule posts its trigger, audience, bot message and holdout as the API takes them', async () => {
    const { sent, location } = open('/proactive/new');
    await screen.findByRole('heading', { name: 'New rule' }, SLOW);
    type('Name', '  Help on pricing ');
    expect((screen.getByLabelText('When') as HTMLSelectElement).value).toBe('time_on_page');
    type('Seconds on the page', '45');
    type('Only on pages matching', '/pricing*');
    fireEvent.click(await screen.findByLabelText('VIP customers'));
    fireEvent.click(screen.getByLabelText('Vietnamese'));
    type('Returning visitor', 'yes');
    type('Message (English)', 'Questions about plans?');
    type('Message (Vietnamese)', 'Bạn có câu hỏi về gói dịch vụ?');
    fireEvent.click(screen.getByRole('button', { name: 'Add quick reply' }));
    type('Quick reply 1 (English)', 'Talk to sales');
    fireEvent.click(screen.getByLabelText('Also on purchase pages'));
    type('Control group (%)', '10');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(location.history.at(-1)).toBe('/proactive'));
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/proactive/rules',
        body: {
          name: 'Help on pricing',
          enabled: true,
          trigger: { kind: 'time_on_page', seconds: 45, urlPattern: '/pricing*' },
          audience: { segments: ['vip'], locales: ['vi'], returning: 'yes', identified: 'any', withinBusinessHours: 'any', agentsAvailable: 'any' },
          action: { kind: 'bot_message', text: { en: 'Questions about plans?', vi: 'Bạn có câu hỏi về gói dịch vụ?' }, quickReplies: [{ en: 'Talk to sales' }] },
          allowWhileTyping: false,
          allowDuringPurchase: true,
          holdoutPercent: 10,
        },
      },
    ]);
  });

  test('the server’s validation problem shows at the field it is about, not as a general alert', async () => {
    const refuse = () => new ProblemError(400, 'validation.failed', 'The request is invalid.', [{ path: 'body.trigger.urlPattern', message: 'Too long' }]);
    open('/proactive/new', { refuse });
    await screen.findByRole('heading', { name: 'New rule' }, SLOW);
    type('Name', 'Pricing');
    type('Message (English)', 'Hi');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const pattern = screen.getByLabelText('Only on pages matching');
    await waitFor(() => expect(pattern.getAttribute('aria-invalid')).toBe('true'));
    const error = document.getElementById(pattern.getAttribute('aria-describedby')!.split(' ').at(-1)!)!;
    expect(error.textContent).toBe('Too long');
    expect(screen.queryByText('The request is invalid.')).toBeNull();
  });

  test('a business event only sends a message, which may open a conversation; web triggers cannot send one', async () => {
    const { sent } = open('/proactive/new');
    await screen.findByRole('heading', { name: 'New rule' }, SLOW);
    const actions = () => within(screen.getByLabelText('What happens')).getAllByRole('option').map((o) => o.textContent);
    expect(actions()).toEqual(['Bot message', 'Open a guide', 'Suggest articles', 'Offer a person']);
    expect(screen.queryByLabelText('Open a conversation the customer can answer')).toBeNull();

    type('When', 'business_event');
    expect(actions()).toEqual(['Send a message']);
    expect(screen.queryByLabelText('Only on pages matching')).toBeNull();
    type('Name', 'Late order');
    type('Business event name', 'order_delayed');
    type('Message (English)', 'Your order is late.');
    type('Email subject', 'About your order');
    fireEvent.click(screen.getByLabelText('Open a conversation the customer can answer'));
    // Back to a web trigger and again to the business event: the action follows, and what was typed stays.
    type('When', 'page_view');
    expect((screen.getByLabelText('What happens') as HTMLSelectElement).value).toBe('bot_message');
    type('When', 'business_event');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const body = sent[0]!.body as Record<string, unknown>;
    expect([body.trigger, body.action]).toEqual([
      { kind: 'business_event', event: 'order_delayed' },
      { kind: 'send_message', text: { en: 'Your order is late.' }, subject: 'About your order', openConversation: true },
    ]);
  });

  test('suggesting articles sends the checked article; a host event sends its conditions typed', async () => {
    const { sent } = open('/proactive/new');
    await screen.findByRole('heading', { name: 'New rule' }, SLOW);
    type('Name', 'Cart help');
    type('When', 'host_event');
    type('Event name', 'cart_updated');
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    type('Property', 'cart_value');
    type('Comparison', 'gt');
    type('Value', '100');
    type('What happens', 'suggest_articles');
    fireEvent.click(await screen.findByLabelText(/^Refund policy/));
    type('Message (English)', 'These may help.');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const body = sent[0]!.body as Record<string, unknown>;
    expect([body.trigger, body.action]).toEqual([
      { kind: 'host_event', event: 'cart_updated', where: [{ field: 'cart_value', op: 'gt', value: 100 }] },
      { kind: 'suggest_articles', articleIds: [REFUND_ARTICLE], text: { en: 'These may help.' } },
    ]);
  });

  test('editing a rule starts from what is stored and sends the whole rule back', async () => {
    const { sent, location } = open(`/proactive/${PRICING_RULE}/edit`);
    expect(await screen.findByRole('heading', { name: 'Edit Help on pricing' }, SLOW)).toBeTruthy();
    expect((screen.getByLabelText('Seconds on the page') as HTMLInputElement).value).toBe('30');
    expect((screen.getByLabelText('Quick reply 1 (English)') as HTMLInputElement).value).toBe('Yes');
    expect((await screen.findByLabelText('VIP customers') as HTMLInputElement).checked).toBe(true);
    type('Control group (%)', '20');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(location.history.at(-1)).toBe('/proactive'));
    const { id: _id, createdAt: _created, updatedAt: _updated, ...stored } = pricingRule;
    expect(sent).toEqual([{ method: 'PATCH', path: `/proactive/rules/${PRICING_RULE}`, body: { ...stored, holdoutPercent: 20 } }]);
  });

  test('the list summarises each rule, switches one off, and deletes one only once confirmed', async () => {
    const { sent } = open('/proactive');
    const table = (await screen.findByRole('link', { name: 'Report for Help on pricing' }, SLOW)).closest('table')!;
    expect(rowsOf(table).map((cells) => cells.slice(0, 5))).toEqual([
      ['Help on pricing', 'After 30 s on the page · /pricing*', 'Bot message', '', '10%'],
      ['Late order notice', 'Business event “order_delayed”', 'Send a message', '', '0%'],
    ]);
    fireEvent.click(screen.getByLabelText('Rule Help on pricing is on'));
    await waitFor(() => expect(sent).toEqual([{ method: 'PATCH', path: `/proactive/rules/${PRICING_RULE}`, body: { enabled: false } }]));

    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Late order notice' }));
    expect(sent).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Late order notice' }));
    await waitFor(() => expect(sent.at(-1)).toEqual({ method: 'DELETE', path: `/proactive/rules/${LATE_ORDER_RULE}`, body: undefined }));
    expect(confirm).toHaveBeenCalledWith('Delete Late order notice? This cannot be undone.');
  });

  test('the limits save as numbers and a list of purchase pages', async () => {
    const { sent } = open('/proactive');
    const form = await screen.findByRole('form', { name: 'Limits for every rule' }, SLOW);
    expect((within(form).getByLabelText('Purchase pages') as HTMLInputElement).value).toBe('/checkout*, /cart*');
    fireEvent.change(within(form).getByLabelText('At most per week'), { target: { value: '2' } });
    fireEvent.change(within(form).getByLabelText('Purchase pages'), { target: { value: '/checkout*, /pay*,' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toEqual([{ method: 'PUT', path: '/proactive/settings', body: { perSession: 1, perWeek: 2, requireConsent: true, purchaseUrlPatterns: ['/checkout*', '/pay*'] } }]));
  });

  test('the report shows counts, suppressions by reason, exposed against control as rates, and the log a page at a time', async () => {
    const { gets } = open(`/proactive/${PRICING_RULE}`);
    expect(await screen.findByRole('heading', { name: 'Report for Help on pricing' }, SLOW)).toBeTruthy();
    const tile = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling!.textContent;
    expect(await screen.findByText('Shown', { selector: 'dt' })).toBeTruthy();
    expect([tile('Shown'), tile('Held back (control group)'), tile('Suppressed')]).toEqual(['180', '20', '47']);
    const reasons = screen.getByRole('heading', { name: 'Why it was not shown' }).parentElement!.querySelector('table')!;
    expect(rowsOf(reasons)).toEqual([['Weekly limit reached', '30'], ['Visitor was typing', '12'], ['No consent to behaviour tracking', '5']]);
    const experiment = screen.getByRole('heading', { name: 'Shown against the control group' }).parentElement!.querySelector('table')!;
    expect(rowsOf(experiment)).toEqual([
      ['Customers', '160', '20', ''],
      ['Opened a conversation', '15% (24)', '25% (5)', '-10%'],
      ['Resolved without a person', '25% (40)', '15% (3)', '+10%'],
      ['Purchased', '5% (8)', '5% (1)', '0%'],
    ]);
    const query = gets.find((g) => g.path.endsWith('/report'))!.query;
    expect(Date.parse(String(query.to)) - Date.parse(String(query.from))).toBe(30 * 86_400_000);

    expect(screen.getAllByTestId('exposure').map((row) => row.children[1]!.textContent)).toEqual(['Shown', 'Suppressed: Visitor was typing']);
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    await waitFor(() => expect(screen.getAllByTestId('exposure')).toHaveLength(3));
    expect(gets.filter((g) => g.path === '/proactive/exposures').at(-1)!.query).toEqual({ ruleId: PRICING_RULE, outcome: '', limit: 50, cursor: 'page-2' });
    expect(screen.queryByRole('button', { name: 'More' })).toBeNull();
  });

  test('in Persian the page runs right to left with translated labels and Persian digits', async () => {
    open('/proactive', { locale: 'fa' });
    expect(await screen.findByRole('heading', { name: 'قاعده‌ها' }, SLOW)).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('پیش‌دستانه');
    const table = screen.getByRole('link', { name: 'گزارش Help on pricing' }).closest('table')!;
    expect(rowsOf(table)[0]!.slice(1, 5)).toEqual(['پس از ۳۰ ثانیه در صفحه · /pricing*', 'پیام ربات', '', '۱۰٪']);
    expect(screen.getByLabelText('حداکثر در هر هفته')).toBeTruthy();
  });
});
