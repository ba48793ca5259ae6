import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whatsAppWindow } from './messaging-window.ts';

const at = (iso: string) => new Date(iso);

test('the window is open for 24 hours after the customer last wrote', () => {
  assert.deepEqual(whatsAppWindow(at('2026-12-05T10:00:00Z'), at('2026-12-06T09:59:59Z')), { kind: 'open', closesAt: at('2026-12-06T10:00:00Z') });
});

test('the window is closed from the 24th hour on, and when the customer never wrote', () => {
  assert.deepEqual(whatsAppWindow(at('2026-12-05T10:00:00Z'), at('2026-12-06T10:00:00Z')), { kind: 'closed', closedAt: at('2026-12-06T10:00:00Z') });
  assert.deepEqual(whatsAppWindow(null, at('2026-12-06T10:00:00Z')), { kind: 'closed', closedAt: null });
});
