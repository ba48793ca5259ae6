import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cannedVariablesIn, renderCannedResponse } from './canned-response.ts';

describe('cannedVariablesIn', () => {
  const cases: Array<[string, string, string[]]> = [
    ['no placeholders', 'Thanks for waiting!', []],
    ['one, with spaces inside the braces', 'Hi {{ customer.firstName }}!', ['customer.firstName']],
    ['several, each once, in order', '{{agent.name}} for {{customer.name}}, {{ agent.name }}', ['agent.name', 'customer.name']],
    ['an unknown one too (saving refuses it)', 'Call {{customer.phone}}', ['customer.phone']],
    ['an empty one', 'Hello {{ }}', ['']],
    ['in Persian text', 'سلام {{customer.firstName}}، بازپرداخت شما آغاز شد.', ['customer.firstName']],
    ['in Vietnamese text', 'Chào {{ customer.name }}, {{workspace.name}} đã nhận yêu cầu.', ['customer.name', 'workspace.name']],
    ['single braces are text', 'Use {customer.name} or }}{{ as you like', []],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.deepEqual(cannedVariablesIn(body), expected));
  }
});

describe('renderCannedResponse', () => {
  const values = { 'customer.firstName': 'Minh', 'customer.name': 'Trần Văn Minh', 'agent.name': 'داریوش', 'customer.email': null };
  const cases: Array<[string, string, string]> = [
    ['fills a known variable', 'Hi {{ customer.firstName }}, I have started your refund.', 'Hi Minh, I have started your refund.'],
    ['fills every occurrence', '{{customer.firstName}}/{{customer.firstName}}', 'Minh/Minh'],
    ['a missing value becomes empty', 'Workspace: {{workspace.name}}.', 'Workspace: .'],
    ['a null value becomes empty', 'Email: {{ customer.email }}', 'Email: '],
    ['an unknown placeholder stays as written', 'Call {{ customer.phone }}', 'Call {{ customer.phone }}'],
    ['Persian, right to left', 'سلام {{customer.firstName}}، من {{agent.name}} هستم.', 'سلام Minh، من داریوش هستم.'],
    ['Vietnamese', 'Chào anh {{customer.name}}, cảm ơn anh đã chờ.', 'Chào anh Trần Văn Minh, cảm ơn anh đã chờ.'],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.equal(renderCannedResponse(body, values), expected));
  }
});
