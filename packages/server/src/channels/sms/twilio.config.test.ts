import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TwilioConfig } from './twilio.config.ts';

const valid = { provider: 'twilio', accountSid: 'ACa2f3b4c5d6e7f8091a2b3c4d5e6f7081', authToken: '9a8b7c6d5e4f30211f2e3d4c5b6a7988', phoneNumber: '+14155550100' };

test('the config defaults the API origin to api.twilio.com', () => {
  assert.equal(TwilioConfig.parse(valid).apiBaseUrl, 'https://api.twilio.com');
});

test('a malformed account SID, token, number or unknown field is refused', () => {
  const invalid: Array<Record<string, unknown>> = [
    { ...valid, accountSid: 'SKa2f3b4c5d6e7f8091a2b3c4d5e6f7081' },
    { ...valid, accountSid: 'ACA2F3B4C5D6E7F8091A2B3C4D5E6F7081' },
    { ...valid, authToken: 'short' },
    { ...valid, authToken: '9a8b7c6d5e4f3021 1f2e3d4c5b6a7988' },
    { ...valid, phoneNumber: '4155550100' },
    { ...valid, apiBaseUrl: 'ftp://api.twilio.com' },
    { ...valid, authTokn: 'typo' },
  ];
  for (const config of invalid) assert.equal(TwilioConfig.safeParse(config).success, false, JSON.stringify(config));
});
