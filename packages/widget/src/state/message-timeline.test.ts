import { describe, expect, test } from 'vitest';
import { advanceContiguous, applyHistoryPage, applyMessage, hasGap } from './message-timeline.ts';
import { resumeMap } from './widget.selectors.ts';
import { widgetReducer } from './widget.reducer.ts';
import { createEntry, createInitialState } from './widget-state.ts';
import { aMessage, CONVERSATION_ID } from './widget.fixtures.ts';

describe('the resume point', () => {
  test('advances over contiguous seqs only', () => {
    expect(advanceContiguous(0, [aMessage(1), aMessage(2), aMessage(3)])).toBe(3);
    expect(advanceContiguous(0, [aMessage(1), aMessage(2), aMessage(4)])).toBe(2);
    expect(advanceContiguous(5, [aMessage(7)])).toBe(5);
  });

  test('stops at a hole, so hello resumes before the missing message and the hole is refetched', () => {
    let entry = createEntry();
    for (const seq of [1, 2, 4, 5]) entry = applyMessage(entry, aMessage(seq));
    expect(entry.lastSeq).toBe(2);
    expect(hasGap(entry)).toBe(true);
    entry = applyMessage(entry, aMessage(3));
    expect(entry.lastSeq).toBe(5);
    expect(hasGap(entry)).toBe(false);
  });

  test('what hello sends is the contiguous point per conversation', () => {
    let state = createInitialState('en');
    for (const seq of [1, 2, 4]) state = widgetReducer(state, { type: 'message.received', message: aMessage(seq) });
    expect(resumeMap(state)).toEqual({ [CONVERSATION_ID]: 2 });
  });

  test('a fetched page covering a hole confirms it: private notes leave holes no one will ever fill', () => {
    let entry = createEntry();
    for (const seq of [1, 2, 5]) entry = applyMessage(entry, aMessage(seq));
    // The server answers afterSeq=2 with 3 and 5 only (4 is a private note).
    entry = applyHistoryPage(entry, { afterSeq: 2, messages: [aMessage(3), aMessage(5)], hasMore: false });
    expect(entry.lastSeq).toBe(5);
    expect(entry.messages.map((m) => m.seq)).toEqual([1, 2, 3, 5]);
  });

  test('a page that starts past the resume point proves nothing about what lies before it', () => {
    const entry = applyHistoryPage(createEntry({ lastSeq: 2 }), { afterSeq: 10, messages: [aMessage(11)], hasMore: false });
    expect(entry.lastSeq).toBe(2);
  });

  test('an empty last page confirms everything up to the conversation lastSeq read before it', () => {
    const entry = applyHistoryPage(createEntry({ lastSeq: 4 }), { afterSeq: 4, messages: [], hasMore: false, upToSeq: 6 });
    expect(entry.lastSeq).toBe(6);
  });

  test('a page with more to come confirms only as far as its own last message', () => {
    const entry = applyHistoryPage(createEntry(), { afterSeq: 0, messages: [aMessage(1), aMessage(3)], hasMore: true, upToSeq: 9 });
    expect(entry.lastSeq).toBe(3);
  });
});

describe('history after a reload', () => {
  test('a page from the start marks the history as loaded; resumed frames alone do not', () => {
    const resumed = applyMessage(createEntry({ lastSeq: 1 }), aMessage(2));
    expect(resumed.hasHistory).toBe(false);
    const loaded = applyHistoryPage(resumed, { afterSeq: 0, messages: [aMessage(1), aMessage(2)], hasMore: false });
    expect(loaded.hasHistory).toBe(true);
    expect(loaded.messages.map((m) => m.seq)).toEqual([1, 2]);
  });
});
