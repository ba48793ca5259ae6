import { afterEach, expect, test } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createConsoleI18n } from '../../i18n/console-i18n.ts';
import { createThreadCache } from '../../live/thread-cache.ts';
import { conversation, message } from '../../test-support/fakes.ts';
import { MessageItem } from './message-item.tsx';

afterEach(cleanup);
const c = conversation({ id: 'c1', lastSeq: 2 });

test('a failed email reply says so, with the reason, in Persian', () => {
  const reply = message(c, { author: 'agent', channel: 'email', deliveryStatus: 'failed', deliveryError: 'bounced: mailbox full' });
  render(<I18nextProvider i18n={createConsoleI18n('fa')}><MessageItem message={reply} authorName="Emma" /></I18nextProvider>);
  expect(screen.getByTestId('message-delivery').textContent).toBe('نرسید · علت: bounced: mailbox full');
});

test('a received email links to its original and flags an automatic reply; web messages show no delivery', () => {
  const mail = message(c, {
    channel: 'email',
    content: { email: { subject: 'Hi', from: 'a@b.c', to: [], cc: [], messageId: '<1@b.c>', kind: 'auto_reply', authentication: { spf: 'pass', dkim: null, dmarc: null }, html: null, quoted: false, dropped: [] } },
  });
  render(<I18nextProvider i18n={createConsoleI18n('en')}><MessageItem message={mail} authorName="Lan" /></I18nextProvider>);
  expect(screen.getByText('Original email').getAttribute('href')).toBe(`/api/v1/messages/${mail.id}/original`);
  expect(screen.getByText('Automatic reply, not answered')).toBeTruthy();
  expect(screen.queryByTestId('message-delivery')).toBeNull();
});

test('a delivery update replaces the cached message instead of adding a second one', () => {
  const cache = createThreadCache();
  const reply = message(c, { author: 'agent', channel: 'sms' });
  cache.put('c1', [reply]);
  expect(cache.append({ ...reply, deliveryStatus: 'delivered' })).toBe(true);
  expect(cache.get('c1')!.map((m) => m.deliveryStatus)).toEqual(['delivered']);
});
