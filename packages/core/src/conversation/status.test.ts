import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changeStatus, statusAfterMessage } from './status.ts';
import { CONVERSATION_STATUSES, MESSAGE_AUTHORS } from '../vocabulary.ts';

describe('statusAfterMessage', () => {
  for (const status of CONVERSATION_STATUSES) {
    it(`a customer message turns a ${status} conversation open`, () => {
      assert.equal(statusAfterMessage(status, 'customer'), 'open');
    });
  }
  for (const author of MESSAGE_AUTHORS.filter((a) => a !== 'customer')) {
    it(`a ${author} message leaves a pending conversation pending`, () => {
      assert.equal(statusAfterMessage('pending', author), 'pending');
    });
  }
});

describe('changeStatus', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('snoozing needs a time', () => {
    assert.deepEqual(changeStatus('snoozed', null, now), { kind: 'rejected', reason: 'snooze_needs_time' });
  });
  it('snoozing into the past is rejected', () => {
    assert.deepEqual(changeStatus('snoozed', new Date('2026-11-23T11:00:00Z'), now), {
      kind: 'rejected',
      reason: 'snooze_in_past',
    });
  });
  it('resolving clears the snooze time', () => {
    assert.deepEqual(changeStatus('resolved', new Date('2027-01-01'), now), {
      kind: 'ok',
      status: 'resolved',
      snoozedUntil: null,
    });
  });
});
