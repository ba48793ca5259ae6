import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { matchesTag, replyAddress, subjectTag, tagFromSubject, tokenFromAddress, withSubjectTag } from './thread-token.ts';

const id = '01902a4e-7c3b-7d2e-9f10-a1b2c3d4e5f6';

describe('replyAddress and tokenFromAddress', () => {
  it('puts a 26-character lower-case base32 token after +c-', () => {
    const address = replyAddress('support@demo.tandem.test', id);
    assert.match(address, /^support\+c-[a-z2-7]{26}@demo\.tandem\.test$/);
    assert.equal(tokenFromAddress(address), id);
  });

  it('encodes the UUID bytes as RFC 4648 base32', () => {
    // 16 zero bytes then all ones: the padding bits of the last character stay zero.
    assert.equal(replyAddress('s@x.test', '00000000-0000-0000-0000-000000000000'), `s+c-${'a'.repeat(26)}@x.test`);
    assert.equal(replyAddress('s@x.test', 'ffffffff-ffff-ffff-ffff-ffffffffffff'), `s+c-${'7'.repeat(25)}4@x.test`);
  });

  it('round-trips 1000 random UUIDs, upper-cased on the way too', () => {
    for (let i = 0; i < 1000; i += 1) {
      const uuid = randomUUID();
      const address = replyAddress('help@shop.example', uuid.toUpperCase());
      assert.equal(tokenFromAddress(address), uuid);
      assert.equal(tokenFromAddress(address.toUpperCase()), uuid, 'an MTA that upper-cases');
      assert.equal(tokenFromAddress(`"Help" <${address}>`), uuid);
    }
  });

  const garbage: Array<[string, string]> = [
    ['no token', 'support@demo.tandem.test'],
    ['another tag', 'support+eu@demo.tandem.test'],
    ['too short', 'support+c-abc@demo.tandem.test'],
    ['too long', `support+c-${'a'.repeat(27)}@x.test`],
    ['not base32 (0, 1, 8, 9)', `support+c-${'a'.repeat(25)}1@x.test`],
    ['non-zero padding bits', `support+c-${'a'.repeat(25)}b@x.test`],
    ['no domain', `support+c-${'a'.repeat(26)}`],
    ['empty', ''],
    ['binary junk', '\u0000\uffff+c-@@'],
  ];
  for (const [name, address] of garbage) {
    it(`null for ${name}`, () => assert.equal(tokenFromAddress(address), null));
  }

  it('rejects a conversation id that is not a UUID or an address without @', () => {
    assert.throws(() => replyAddress('support@x.test', 'conv-1'), RangeError);
    assert.throws(() => replyAddress('support', id), RangeError);
  });
});

describe('subject tags', () => {
  it('tags with the base32 of the last 5 bytes', () => {
    assert.equal(subjectTag('00000000-0000-7000-8000-000000000000'), '[#aaaaaaaa]');
    assert.equal(subjectTag('00000000-0000-7000-8000-00ffffffffff'), '[#77777777]');
    assert.match(subjectTag(id), /^\[#[a-z2-7]{8}\]$/);
  });

  it('round-trips 1000 random UUIDs through a subject', () => {
    for (let i = 0; i < 1000; i += 1) {
      const uuid = randomUUID();
      const tag = tagFromSubject(`Re: Order ${subjectTag(uuid)}`);
      assert.ok(tag !== null);
      assert.ok(matchesTag(uuid, tag));
      assert.ok(matchesTag(uuid, tag.toUpperCase()));
    }
  });

  const subjects: Array<[string, string | null]> = [
    ['Re: Order [#abcdefgh]', 'abcdefgh'],
    ['[#ABCDEFGH] upper-cased by a client', 'abcdefgh'],
    ['no tag', null],
    ['[#abc] too short', null],
    ['[#abcdefg1] not base32', null],
    ['#abcdefgh without brackets', null],
  ];
  for (const [subject, tag] of subjects) {
    it(`tagFromSubject(${JSON.stringify(subject)}) → ${tag}`, () => assert.equal(tagFromSubject(subject), tag));
  }

  it('matchesTag is false for another conversation and for garbage', () => {
    const tag = tagFromSubject(subjectTag(id)) ?? '';
    assert.equal(matchesTag('01902a4e-7c3b-7d2e-9f10-a1b2c3d4e5f7', tag), false);
    assert.equal(matchesTag('not-a-uuid', tag), false);
    assert.equal(matchesTag(id, ''), false);
  });
});

describe('withSubjectTag', () => {
  const tag = subjectTag(id);
  const cases: Array<[string, string]> = [
    ['My order', `My order ${tag}`],
    ['Re: My order', `Re: My order ${tag}`],
    ['RE: Re: re:My order', `Re: My order ${tag}`],
    ['Fwd: RE: My order', `Re: My order ${tag}`],
    ['AW: WG: Bestellung', `Re: Bestellung ${tag}`],
    ['Re[2]: My order', `Re: My order ${tag}`],
    ['Trả lời: Trả lời: Đơn hàng', `Re: Đơn hàng ${tag}`],
    ['TRẢ LỜI: Đơn hàng', `Re: Đơn hàng ${tag}`],
    ['پاسخ: پاسخ: سفارش', `Re: سفارش ${tag}`],
    [`Re: My order ${tag}`, `Re: My order ${tag}`],
    [`Re: ${tag} Re: My order`, `Re: My order ${tag}`],
    ['Re: My order [#aaaaaaaa]', `Re: My order ${tag}`],
    ['', tag],
    ['Re:', `Re: ${tag}`],
    ['Regarding my order', `Regarding my order ${tag}`],
  ];
  for (const [subject, expected] of cases) {
    it(`${JSON.stringify(subject)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(withSubjectTag(subject, id), expected);
      assert.equal(withSubjectTag(withSubjectTag(subject, id), id), expected, 'idempotent');
    });
  }
});
