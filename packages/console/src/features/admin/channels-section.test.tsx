import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Locale } from '@tandem/core';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { sessionWrapper } from '../../test-support/session.tsx';
import { channelsApi, hotline, mail, MASK, shopWhatsApp, SID, web } from './channels-api.fake.ts';
import { ChannelsSection } from './channels-section.tsx';

function renderSection(http: HttpClient, locale: Locale = 'en') {
  return render(sessionWrapper({ http, locale })(<ChannelsSection />));
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function addEmailChannel(name: string, addresses: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
  type('Name', name);
  type('Support addresses', addresses);
  type('Sender name', 'Shop support');
  type('Footer', 'Thanks,\nShop');
  fireEvent.click(screen.getByRole('button', { name: 'Create' }));
}

describe('channels settings', () => {
  afterEach(cleanup);

  test('the list shows every channel; email, SMS and WhatsApp ones can be edited, and an SMS one shows where Twilio must post', async () => {
    renderSection(channelsApi([web, mail, hotline]).http);
    expect(await screen.findByText('Support mail')).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]!.textContent)).toEqual(['Website', 'Support mail', 'Hotline']);
    expect(within(rows[0]!).queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit Support mail' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit Hotline' })).toBeTruthy();
    const url = within(rows[2]!).getByText(hotline.webhookUrl!);
    expect(url.tagName).toBe('CODE');
    expect(within(rows[2]!).getByRole('button', { name: 'Copy the webhook URL of Hotline' })).toBeTruthy();
    expect(within(rows[2]!).getByText(/Twilio console/)).toBeTruthy();
    expect(within(rows[1]!).queryByRole('button', { name: /^Copy/ })).toBeNull();
  });

  test('adding an email channel posts its kind, name and config, then the reloaded list shows it', async () => {
    const api = channelsApi([web]);
    renderSection(api.http);
    await screen.findByText('Website');
    addEmailChannel('Sales mail', 'sales@shop.vn, ban-hang@shop.vn');
    expect(await screen.findByText('Sales mail')).toBeTruthy();
    expect(api.sent).toEqual([
      {
        method: 'POST',
        path: '/channels',
        body: { kind: 'email', name: 'Sales mail', enabled: true, config: { addresses: ['sales@shop.vn', 'ban-hang@shop.vn'], senderName: 'Shop support', footer: 'Thanks,\nShop' } },
      },
    ]);
    expect(screen.queryByLabelText('Support addresses')).toBeNull();
  });

  test('editing an SMS channel without typing the auth token leaves it out, so the server keeps the stored one', async () => {
    const api = channelsApi([hotline]);
    renderSection(api.http);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Hotline' }));
    const token = screen.getByLabelText('Auth token') as HTMLInputElement;
    expect([token.type, token.value, token.autocomplete, token.required]).toEqual(['password', '', 'off', false]);
    expect(screen.getByText('Leave empty to keep the current one.')).toBeTruthy();
    expect((screen.getByLabelText('Account SID') as HTMLInputElement).value).toBe(SID);
    type('Phone number', '+84907654321');
    // The widget settings above have a Save button of their own.
    fireEvent.click(within(screen.getByRole('form', { name: 'Edit Hotline' })).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByLabelText('Auth token')).toBeNull());
    expect(api.sent).toEqual([
      {
        method: 'PATCH',
        path: `/channels/${hotline.id}`,
        body: { name: 'Hotline', enabled: true, config: { provider: 'twilio', accountSid: SID, phoneNumber: '+84907654321', apiBaseUrl: 'https://api.twilio.com' } },
      },
    ]);
    expect(api.items[0]!.config.authToken).toBe(MASK);
  });

  test('an address another channel receives at is shown under the addresses field, and the form stays open', async () => {
    const api = channelsApi([mail]);
    renderSection(api.http);
    await screen.findByText('Support mail');
    addEmailChannel('Second desk', 'help@shop.vn');
    const message = await screen.findByText('already in use');
    const addresses = screen.getByLabelText('Support addresses');
    expect(addresses.getAttribute('aria-invalid')).toBe('true');
    expect(addresses.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    // The field says what went wrong, so the form's own alert stays quiet.
    expect(screen.queryByText('One of these addresses already belongs to a channel.')).toBeNull();
    expect((addresses as HTMLInputElement).value).toBe('help@shop.vn');
    expect(api.items).toHaveLength(1);
  });

  test('WhatsApp templates are edited as rows, and a template the server refuses shows the message in its own row', async () => {
    const gaps = new ProblemError(400, 'request.invalid', "The whatsapp channel's config is not valid.", [{ path: 'config.templates.0.body', message: 'parameters must be numbered {{1}}, {{2}}, … without gaps' }]);
    const api = channelsApi([shopWhatsApp], () => gaps);
    renderSection(api.http);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit WhatsApp shop' }));
    expect((within(screen.getByRole('group', { name: 'Template 1' })).getByLabelText('Template name') as HTMLInputElement).value).toBe('order_update');
    fireEvent.click(screen.getByRole('button', { name: 'Add template' }));
    const added = within(screen.getByRole('group', { name: 'Template 2' }));
    fireEvent.change(added.getByLabelText('Template name'), { target: { value: 'shipping_delay' } });
    fireEvent.change(added.getByLabelText('Language code'), { target: { value: 'en_US' } });
    fireEvent.change(added.getByLabelText('Text'), { target: { value: 'Order {{2}} is late.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Template 1' }));
    expect(screen.queryByRole('group', { name: 'Template 2' })).toBeNull();
    fireEvent.click(within(screen.getByRole('form', { name: 'Edit WhatsApp shop' })).getByRole('button', { name: 'Save' }));

    const row = within(await screen.findByRole('group', { name: 'Template 1' }));
    const message = await row.findByText('parameters must be numbered {{1}}, {{2}}, … without gaps');
    expect(row.getByLabelText('Text').getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect((row.getByLabelText('Template name') as HTMLInputElement).value).toBe('shipping_delay');
    expect(api.sent).toEqual([
      {
        method: 'PATCH',
        path: `/channels/${shopWhatsApp.id}`,
        // No secret was typed again: all three are left out and stay as stored.
        body: {
          name: 'WhatsApp shop',
          enabled: true,
          config: {
            provider: 'whatsapp-cloud', phoneNumberId: '1234567890', displayPhoneNumber: '+84901234567', apiBaseUrl: 'https://graph.facebook.com/v21.0',
            templates: [{ name: 'shipping_delay', language: 'en_US', body: 'Order {{2}} is late.' }],
          },
        },
      },
    ]);
  });

  test('the satisfaction survey settings are saved on their own: the PATCH names only csat', async () => {
    const api = channelsApi([web]);
    renderSection(api.http);
    const form = within(await screen.findByRole('form', { name: 'Satisfaction survey' }));
    const enabled = form.getByLabelText(/satisfaction survey after/) as HTMLInputElement;
    expect([enabled.checked, (form.getByLabelText('Delay (minutes)') as HTMLInputElement).value]).toEqual([true, '60']);
    fireEvent.click(enabled);
    fireEvent.change(form.getByLabelText('Delay (minutes)'), { target: { value: '1440' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent).toEqual([{ method: 'PATCH', path: '/workspace', body: { settings: { csat: { enabled: false, delayMinutes: 1440 } } } }]);
  });

  test('in Persian, a new WhatsApp channel asks for its secrets and numbers its templates in Persian digits', async () => {
    renderSection(channelsApi([web]).http, 'fa');
    await screen.findByText('Website');
    fireEvent.click(screen.getByRole('button', { name: 'افزودن کانال' }));
    fireEvent.change(screen.getByLabelText('نوع'), { target: { value: 'whatsapp' } });
    const token = screen.getByLabelText('توکن دسترسی (Access token)') as HTMLInputElement;
    expect([token.type, token.required]).toEqual(['password', true]);
    expect(screen.getByText('هنوز الگویی اضافه نشده است.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'افزودن الگو' }));
    expect(screen.getByRole('group', { name: 'الگوی ۱' })).toBeTruthy();
  });
});
