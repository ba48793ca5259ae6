import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FAKE_CREDENTIALS, startFakeProviders, type FakeProviders } from '../../../test/fake-providers.ts';
import { MAX_MEDIA_BYTES } from '../media-download.ts';
import { WhatsAppConfig } from './whatsapp.config.ts';
import { whatsAppProvider } from './whatsapp.provider.ts';

describe('fetching WhatsApp media', () => {
  let api: FakeProviders;
  let elsewhere: FakeProviders;
  let config: WhatsAppConfig;
  const photo = Buffer.from('\x89PNG\r\n\x1a\n a tiny png', 'latin1');
  before(async () => {
    [api, elsewhere] = await Promise.all([startFakeProviders(), startFakeProviders()]);
    config = WhatsAppConfig.parse({
      provider: 'whatsapp-cloud',
      phoneNumberId: '106540352242922',
      displayPhoneNumber: '+15550783881',
      accessToken: FAKE_CREDENTIALS.whatsAppAccessToken,
      appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      verifyToken: 'tandem-verify-5f1c',
      apiBaseUrl: api.baseUrl,
    });
  });
  after(() => Promise.all([api.close(), elsewhere.close()]));

  test('the media id is looked up, then its URL downloaded, both with the bearer', async () => {
    api.addMedia('1037543291543636', photo, 'image/png');
    const media = await whatsAppProvider.fetchMedia({ ref: '1037543291543636', contentType: 'image/png' }, config, fetch);
    assert.deepEqual(media, { data: photo, contentType: 'image/png' });
    const [lookup, download] = api.requests.slice(-2);
    assert.deepEqual([lookup?.path, download?.path], ['/1037543291543636', '/media/1037543291543636']);
    assert.equal(lookup?.headers.authorization, `Bearer ${config.accessToken}`);
    assert.equal(download?.headers.authorization, `Bearer ${config.accessToken}`);
  });

  test('a redirect to a host that is not Meta gets no bearer', async () => {
    api.addMedia('1003383421387256', photo, 'image/png');
    elsewhere.addMedia('copy.png', photo, 'image/png');
    api.addRedirect('/media/1003383421387256', `${elsewhere.baseUrl}/media/copy.png`);
    const media = await whatsAppProvider.fetchMedia({ ref: '1003383421387256', contentType: 'image/png' }, config, fetch);
    assert.deepEqual(media.data, photo);
    assert.equal(elsewhere.requests.at(-1)?.path, '/media/copy.png');
    assert.equal(elsewhere.requests.at(-1)?.headers.authorization, undefined);
  });

  test('a file_size over 16 MiB is refused before downloading', async () => {
    api.addMedia('2000000000000001', Buffer.alloc(MAX_MEDIA_BYTES + 1), 'video/mp4');
    const before = api.requests.length;
    await assert.rejects(whatsAppProvider.fetchMedia({ ref: '2000000000000001', contentType: 'video/mp4' }, config, fetch), /over the 16777216-byte limit/);
    assert.deepEqual(api.requests.slice(before).map((r) => r.path), ['/2000000000000001']);
  });

  test('an undersized file_size does not get past the byte count', async () => {
    api.addMedia('2000000000000002', Buffer.alloc(MAX_MEDIA_BYTES + 1), 'video/mp4', { declareLength: false });
    api.failNext(/^\/2000000000000002$/, 200, { url: `${api.baseUrl}/media/2000000000000002`, mime_type: 'video/mp4', file_size: 10, id: '2000000000000002' });
    await assert.rejects(whatsAppProvider.fetchMedia({ ref: '2000000000000002', contentType: 'video/mp4' }, config, fetch), /larger than the 16777216-byte limit/);
  });

  test('an unknown media id is an error with the Graph code, without the token', async () => {
    const error = await whatsAppProvider.fetchMedia({ ref: '999', contentType: 'image/png' }, config, fetch).then(() => assert.fail('expected a rejection'), (e: Error) => e);
    assert.match(error.message, /HTTP 404, code 100/);
    assert.ok(!error.message.includes(config.accessToken));
  });

  test('a media id that is not digits is refused before any request', async () => {
    const before = api.requests.length;
    await assert.rejects(whatsAppProvider.fetchMedia({ ref: '../me', contentType: 'image/png' }, config, fetch), /must be digits/);
    assert.equal(api.requests.length, before);
  });
});
