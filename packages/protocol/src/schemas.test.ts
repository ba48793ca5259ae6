import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ClientFrame, InboundMessageBody, MESSAGE_MAX_CHARS, PostMessageBody, UpdateArticleBody, UpdateConversationBody, UpdateTeamBody, WorkspaceSettings } from './index.ts';

describe('message bodies', () => {
  it('accept Vietnamese, Persian and English text up to the limit', () => {
    for (const body of ['Tôi muốn đổi địa chỉ giao hàng', 'می‌خواهم آدرس را عوض کنم', 'x'.repeat(MESSAGE_MAX_CHARS)]) {
      assert.equal(PostMessageBody.safeParse({ body }).success, true, body.slice(0, 20));
    }
  });

  it('reject an empty or over-long body and unknown fields', () => {
    assert.equal(PostMessageBody.safeParse({ body: '' }).success, false);
    assert.equal(PostMessageBody.safeParse({ body: 'x'.repeat(MESSAGE_MAX_CHARS + 1) }).success, false);
    assert.equal(PostMessageBody.safeParse({ body: 'hi', admin: true }).success, false);
  });

  it('fill in defaults: public, no structured content', () => {
    assert.deepEqual(PostMessageBody.parse({ body: 'hi' }), { body: 'hi', private: false, content: {} });
  });

  it('accept quick replies and article cards but not script URLs', () => {
    const ok = PostMessageBody.safeParse({
      body: 'Pick one',
      content: { quickReplies: [{ label: 'Talk to a person', value: 'handoff' }], articleCards: [{ title: 'Refunds', url: 'https://help.example.com/refunds' }] },
    });
    assert.equal(ok.success, true);
    const bad = PostMessageBody.safeParse({ body: 'x', content: { articleCards: [{ title: 'x', url: 'javascript:alert(1)' }] } });
    assert.equal(bad.success, false);
  });
});

describe('inbound messages', () => {
  it('name the channel, the identity and the text', () => {
    const parsed = InboundMessageBody.parse({ channel: 'whatsapp', identity: { kind: 'whatsapp', value: '+989121234567' }, body: 'سلام' });
    assert.equal(parsed.channel, 'whatsapp');
  });

  it('reject idempotency keys with spaces or of the wrong length', () => {
    for (const idempotencyKey of ['short', 'has space in it', 'k'.repeat(129)]) {
      assert.equal(InboundMessageBody.safeParse({ channel: 'email', identity: { kind: 'email', value: 'a@b.co' }, body: 'x', idempotencyKey }).success, false);
    }
  });
});

describe('conversation changes', () => {
  it('need at least one field', () => {
    assert.equal(UpdateConversationBody.safeParse({}).success, false);
    assert.equal(UpdateConversationBody.safeParse({ priority: 'urgent' }).success, true);
  });
});

describe('workspace settings', () => {
  it('limit grouping to the two policies and origins to URLs', () => {
    assert.equal(WorkspaceSettings.safeParse({ conversationGrouping: 'ticket', reopenWindowHours: 1, widgetOrigins: [] }).success, false);
    assert.equal(WorkspaceSettings.safeParse({ conversationGrouping: 'contact', reopenWindowHours: 1, widgetOrigins: ['not a url'] }).success, false);
  });
});

describe('WebSocket frames', () => {
  it('parse a customer hello that resumes two conversations', () => {
    const frame = ClientFrame.parse({ type: 'hello', token: 't', conversations: { [randomUUID()]: 3, [randomUUID()]: 0 } });
    assert.equal(frame.type, 'hello');
  });

  it('reject resume positions for ids that are not UUIDs', () => {
    assert.equal(ClientFrame.safeParse({ type: 'hello', conversations: { "x' OR 1=1": 1 } }).success, false);
  });

  it('reject unknown frame types', () => {
    assert.equal(ClientFrame.safeParse({ type: 'subscribe', topic: 'everything' }).success, false);
  });
});

describe('attachment links', () => {
  const attachment = (url: string) => ({ body: 'file', content: { attachments: [{ name: 'a.png', contentType: 'image/png', size: 10, url }] } });
  it('accept https URLs and paths on this server', () => {
    assert.equal(PostMessageBody.safeParse(attachment('https://cdn.example.com/a.png')).success, true);
    assert.equal(PostMessageBody.safeParse(attachment('/api/v1/attachments/abc')).success, true);
  });
  it('reject script, data and protocol-relative URLs', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>', '//evil.example/a.png']) {
      assert.equal(PostMessageBody.safeParse(attachment(url)).success, false, url);
    }
  });
});

describe('update bodies', () => {
  // zod's .partial() keeps defaults: renaming a team would have emptied its members.
  it('leave out what the caller left out, instead of filling in create defaults', () => {
    assert.deepEqual(UpdateTeamBody.parse({ name: 'Billing' }), { name: 'Billing' });
    assert.deepEqual(UpdateArticleBody.parse({ title: 'Đổi mật khẩu' }), { title: 'Đổi mật khẩu' });
    assert.equal(UpdateTeamBody.safeParse({ name: 'x', extra: 1 }).success, false);
  });
});
