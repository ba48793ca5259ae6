import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FAKE_CREDENTIALS, startFakeProviders, type FakeProviders } from '../../../test/fake-providers.ts';
import { MAX_MEDIA_BYTES } from '../media-download.ts';
import { TwilioConfig } from './twilio.config.ts';
import { twilioProvider } from './twilio.provider.ts';

describe('fetching Twilio media', () => {
  let api: FakeProviders;
  let cdn: FakeProviders;
  let config: TwilioConfig;
  const photo = Buffer.from('\xff\xd8\xff\xe0 a tiny jpeg', 'latin1');
  before(async () => {
    [api, cdn] = await Promise.all([startFakeProviders(), startFakeProviders()]);
    config = TwilioConfig.parse({
      provider: 'twilio',
      accountSid: FAKE_CREDENTIALS.twilioAccountSid,
      authToken: FAKE_CREDENTIALS.twilioAuthToken,
      phoneNumber: '+14155550100',
      apiBaseUrl: api.baseUrl,
    });
  });
  after(() => Promise.all([api.close(), cdn.close()]));

  test('media on the API origin is fetched with Basic auth', async () => {
    api.addMedia('photo.jpg', photo, 'image/jpeg');
    const media = await twilioProvider.fetchMedia({ ref: `${api.baseUrl}/media/photo.jpg`, contentType: 'image/jpeg' }, config, fetch);
    assert.deepEqual(media, { data: photo, contentType: 'image/jpeg' });
    assert.match(String(api.requests.at(-1)?.headers.authorization), /^Basic /);
  });

  test('a redirect to the CDN is followed, and the CDN never sees the credentials', async () => {
    const mediaPath = `/2010-04-01/Accounts/${config.accountSid}/Messages/MM8a9b0c1d2e3f405162738495a6b7c8d9/Media/ME0a1b2c3d4e5f60718293a4b5c6d7e8f9`;
    cdn.addMedia('signed.jpg', photo, 'image/jpeg');
    api.addRedirect(mediaPath, `${cdn.baseUrl}/media/signed.jpg`);
    const media = await twilioProvider.fetchMedia({ ref: `${api.baseUrl}${mediaPath}`, contentType: 'image/jpeg' }, config, fetch);
    assert.deepEqual(media.data, photo);
    assert.match(String(api.requests.at(-1)?.headers.authorization), /^Basic /);
    assert.equal(cdn.requests.at(-1)?.path, '/media/signed.jpg');
    assert.equal(cdn.requests.at(-1)?.headers.authorization, undefined);
  });

  test('a media URL on another host is fetched without credentials', async () => {
    cdn.addMedia('elsewhere.png', Buffer.from('png'), 'image/png');
    const media = await twilioProvider.fetchMedia({ ref: `${cdn.baseUrl}/media/elsewhere.png`, contentType: 'image/png' }, config, fetch);
    assert.equal(media.contentType, 'image/png');
    assert.equal(cdn.requests.at(-1)?.headers.authorization, undefined);
  });

  for (const declareLength of [true, false]) {
    test(`media over 16 MiB is refused (${declareLength ? 'declared length' : 'chunked, counted'})`, async () => {
      api.addMedia(`huge-${declareLength}`, Buffer.alloc(MAX_MEDIA_BYTES + 1), 'video/mp4', { declareLength });
      await assert.rejects(
        twilioProvider.fetchMedia({ ref: `${api.baseUrl}/media/huge-${declareLength}`, contentType: 'video/mp4' }, config, fetch),
        /larger than the 16777216-byte limit/,
      );
    });
  }

  test('media of exactly 16 MiB is accepted', async () => {
    api.addMedia('edge', Buffer.alloc(MAX_MEDIA_BYTES, 7), 'video/mp4', { declareLength: false });
    const media = await twilioProvider.fetchMedia({ ref: `${api.baseUrl}/media/edge`, contentType: 'video/mp4' }, config, fetch);
    assert.equal(media.data.length, MAX_MEDIA_BYTES);
  });

  test('a missing media file is an error that names the host, not the credentials', async () => {
    const error = await twilioProvider.fetchMedia({ ref: `${api.baseUrl}/media/nope`, contentType: 'image/jpeg' }, config, fetch).then(
      () => assert.fail('expected a rejection'),
      (e: Error) => e,
    );
    assert.match(error.message, /HTTP 404/);
    assert.ok(!error.message.includes(config.authToken));
  });
});
