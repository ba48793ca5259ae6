import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Locale } from '@tandem/core';
import type { Message } from '@tandem/protocol';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { conversation, message } from '../../test-support/fakes.ts';
import { directionOf } from '../../i18n/console-i18n.ts';
import { sessionWrapper } from '../../test-support/session.tsx';
import { MessageItem } from './message-item.tsx';

const c = conversation({ id: 'c1', lastSeq: 3 });
const CARD = '4111 1111 1111 1111';

/** The reveal endpoint in memory: answers with the original of each message it knows, and records every call. */
function revealApi(originals: readonly Message[], options: { refuse?: ProblemError } = {}) {
  const sent: string[] = [];
  const http: HttpClient = {
    async get<T>(path: string): Promise<T> {
      throw new ProblemError(404, 'route.not_found', `No route GET ${path}.`);
    },
    async send<T>(method: string, path: string) {
      sent.push(`${method} ${path}`);
      if (options.refuse) throw options.refuse;
      const found = originals.find((m) => path === `/conversations/${m.conversationId}/messages/${m.id}/reveal`);
      if (method !== 'POST' || !found) throw new ProblemError(404, 'route.not_found', `No route ${method} ${path}.`);
      return found as T;
    },
    async upload<T>() {
      return {} as T;
    },
  };
  return { http, sent };
}

/** As the console shows a thread: inside the page's direction for the locale. */
function show(http: HttpClient, shown: Message, locale: Locale = 'en') {
  return render(sessionWrapper({ http, locale })(<div dir={directionOf(locale)}><ol><MessageItem message={shown} authorName="Olivia" /></ol></div>));
}

const body = () => screen.getByTestId('thread-message').querySelector('.message__body')!;
const bodyText = () => body().textContent!.trim();

describe('personal data masked for agents', () => {
  afterEach(cleanup);

  test('a message without masked data offers nothing to reveal', () => {
    const plain = message(c, { body: 'where is my order?' });
    const { http, sent } = revealApi([plain]);
    show(http, plain);
    expect(screen.queryByRole('button', { name: 'Show personal data' })).toBeNull();
    expect(sent).toEqual([]);
  });

  test('"Show personal data" asks the server for the original and shows it in place, saying the reveal was recorded', async () => {
    const original = message(c, { body: `my card ${CARD} was charged twice` });
    const { http, sent } = revealApi([original]);
    show(http, { ...original, body: 'my card [card ••1111] was charged twice', masked: true });
    expect(bodyText()).toBe('my card [card ••1111] was charged twice');

    const button = screen.getByRole('button', { name: 'Show personal data' });
    // A native button: it takes the keyboard focus, and Enter or Space press it.
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);

    const note = await screen.findByRole('status');
    expect(note.textContent).toBe('Shown to you; this was recorded.');
    expect(document.activeElement).toBe(note);
    expect(bodyText()).toBe(`my card ${CARD} was charged twice`);
    expect(screen.queryByRole('button', { name: 'Show personal data' })).toBeNull();
    expect(sent).toEqual(['POST /conversations/c1/messages/m-c1-3/reveal']);
  });

  test('a refused reveal keeps the message masked and says why', async () => {
    const original = message(c, { body: `card ${CARD}` });
    const { http } = revealApi([original], { refuse: new ProblemError(404, 'message.not_found', 'This message does not exist.') });
    show(http, { ...original, body: 'card [card ••1111]', masked: true });
    const button = screen.getByRole('button', { name: 'Show personal data' });
    button.focus();
    fireEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe('The personal data could not be shown: This message does not exist.');
    expect(bodyText()).toBe('card [card ••1111]');
    expect(document.activeElement, 'the keyboard can try again at once').toBe(button);
  });

  test('in Persian, the button and the note are translated and the revealed text keeps its own direction', async () => {
    const original = message(c, { body: 'شماره کارتم ۶۰۳۷-۹۹۷۵-۱۹۱۹-۹۳۸۵ است' });
    const { http } = revealApi([original]);
    show(http, { ...original, body: 'شماره کارتم [card ••9385] است', masked: true }, 'fa');
    const item = screen.getByTestId('thread-message');
    // Nothing in the message forces left to right: it follows the page, right to left in Persian.
    expect(item.closest('[dir]')!.getAttribute('dir')).toBe('rtl');
    fireEvent.click(within(item).getByRole('button', { name: 'نمایش اطلاعات شخصی' }));
    expect((await within(item).findByRole('status')).textContent).toBe('فقط برای شما نمایش داده شد؛ این کار ثبت شد.');
    expect(bodyText()).toBe('شماره کارتم ۶۰۳۷-۹۹۷۵-۱۹۱۹-۹۳۸۵ است');
    // dir="auto": the browser sets the text right to left from its first strong letter.
    expect(body().getAttribute('dir')).toBe('auto');
  });
});
