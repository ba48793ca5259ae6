import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseReplyChannel } from './reply-channel.ts';

describe('chooseReplyChannel', () => {
  it('defaults to the channel the customer used last', () => {
    assert.deepEqual(chooseReplyChannel('email', ['web', 'email'], undefined), { kind: 'ok', channel: 'email' });
  });
  it('lets the agent pick another channel the customer is reachable on', () => {
    assert.deepEqual(chooseReplyChannel('email', ['web', 'email'], 'web'), { kind: 'ok', channel: 'web' });
  });
  it('refuses a channel the customer cannot be reached on', () => {
    assert.deepEqual(chooseReplyChannel('web', ['web'], 'sms'), {
      kind: 'rejected',
      reason: 'channel_not_reachable',
    });
  });
});
