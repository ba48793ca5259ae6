import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asksForPerson, decideTurn, detectFrustration, type IntentPolicy, type TurnInput } from './handoff-rules.ts';

const asking = [
  'agent', 'Human!', 'agent please', 'an agent now pls', 'talk to a person', 'I want to speak to a real person',
  'representative', 'operator', 'can I speak to someone', 'customer service please', 'connect me with an agent',
  'transfer me to a live agent', 'is there a human I can talk to', "I don't want the bot, I want a human",
  'hello? anyone there?',
  'nhân viên', 'nhan vien', 'nhân viên ơi', 'gặp người thật', 'tư vấn viên', 'tổng đài viên',
  'cho tôi nói chuyện với người', 'cho minh gap nhan vien tu van', 'tôi muốn gặp nhân viên chăm sóc khách hàng',
  'NHÂN VIÊN ĐÂU', 'alo nhân viên đâu rồi', 'xin gap tong dai vien',
  'اپراتور', 'پشتیبان', 'کارشناس', 'با یک انسان صحبت کنم', 'آدم واقعی', 'مي‌خواهم با اپراتور صحبت كنم',
  'لطفا وصلم کنید به کارشناس', 'اپراتورتون کجاست',
];
for (const text of asking) {
  test(`"${text}" asks for a person`, () => assert.equal(asksForPerson(text), true));
}

const notAsking = [
  '', 'hello', 'where is my order', 'my travel agent booked it', 'the agent said the refund takes a week',
  'I need to change the email on my account', 'are you a real bot or what', 'no agent needed, thanks',
  "I don't need an agent", 'someone stole my card and used it online', 'human resources department address',
  'đơn hàng của tôi ở đâu', 'nhân viên giao hàng chưa đến nhà tôi', 'số tổng đài chăm sóc là gì vậy shop',
  'không cần nhân viên đâu', 'người nhận chưa nhận được hàng', 'tôi muốn người nhận là mẹ tôi', 'toi muon doi mat khau',
  'سفارش من کجاست', 'اطلاعات شخصی من را تغییر دهید', 'مدیریت حساب کاربری کجاست',
  'پشتیبانی از فایل پی دی اف در اپلیکیشن هست؟', 'کارشناس فروش گفت ارسال رایگان است ولی پول گرفتند',
];
for (const text of notAsking) {
  test(`"${text}" does not ask for a person`, () => assert.equal(asksForPerson(text), false));
}

const frustration: Array<[string, string, string[], boolean, string[]]> = [
  ['a calm question', 'where is my order', [], false, []],
  ['useless', 'this bot is useless', [], true, ['negative']],
  ['"not helpful" as a phrase', 'that was not helpful at all', [], true, ['negative']],
  ['vô dụng', 'bot vô dụng quá', [], true, ['negative']],
  ['vo dung typed without diacritics', 'bot vo dung qua', [], true, ['negative']],
  ['tệ with its diacritics', 'dịch vụ tệ', [], true, ['negative']],
  ['chán', 'chán thật sự', [], true, ['negative']],
  ['quốc tế, which folds like tệ', 'giao hàng quốc tế mất bao lâu', [], false, []],
  ['chặn, which folds like chán', 'làm sao chặn thẻ', [], false, []],
  ['"không" cancels an unhappy word', 'cũng không tệ lắm', [], false, []],
  ['افتضاح', 'خدمات شما افتضاح است', [], true, ['negative']],
  ['"نیست" cancels an unhappy word', 'خدمات شما افتضاح نیست', [], false, []],
  ['به درد نخور', 'این ربات به درد نخور است', [], true, ['negative']],
  ['عصبانی with a suffix', 'من واقعا عصبانیم', [], true, ['negative']],
  ['اشغال (busy), which folds like آشغال', 'خط پشتیبانی اشغال است', [], false, []],
  ['the same question again', 'Where is my order??', ['hi', 'where is my order'], true, ['repeated']],
  ['a Vietnamese question again, once without diacritics', 'don hang cua toi o dau', ['đơn hàng của tôi ở đâu'], true, ['repeated']],
  ['a Persian question again, written with Arabic letters', 'سفارش من كجاست؟', ['سفارش من کجاست'], true, ['repeated']],
  ['a repeat older than the last three messages', 'where is my order', ['where is my order', 'a', 'b', 'c'], false, []],
  ['a short reply sent twice', 'yes', ['yes'], false, []],
  ['a different question', 'where is my refund for order 12', ['where is my order'], false, []],
  ['capitals alone', 'WHERE IS MY ORDER', [], false, ['shouting']],
  ['"???" alone', 'where is my order???', [], false, ['punctuation']],
  ['capitals and "!!!"', 'WHERE IS MY ORDER!!!', [], true, ['shouting', 'punctuation']],
  ['one acronym is not shouting', 'what is my PIN???', [], false, ['punctuation']],
];
for (const [name, text, previous, frustrated, signals] of frustration) {
  test(`frustration: ${name}`, () => assert.deepEqual(detectFrustration(text, previous), { frustrated, signals }));
}

const policy = (overrides: Partial<IntentPolicy> = {}): IntentPolicy => ({ kind: 'reply', sensitive: false, complaint: false, ...overrides });
const intents = new Map<string, IntentPolicy>([
  ['order_status', policy()],
  ['refund', policy({ kind: 'flow' })],
  ['close_account', policy({ sensitive: true })],
  ['complain', policy({ complaint: true })],
]);
const turn = (text: string, ranked: TurnInput['ranked'], overrides: Partial<TurnInput> = {}): TurnInput => ({
  text, ranked, threshold: 0.6, clarifyMargin: 0.1, intents, lowConfidenceStreak: 0, previousCustomerTexts: [], humanFirst: false, ...overrides,
});
const order = { intent: 'order_status', confidence: 0.9 };

test('blank, emoji-only and punctuation-only messages are empty, whatever the classifier says', () => {
  for (const text of ['', '   ', '👍👍', '?!', '🙏 ...']) assert.deepEqual(decideTurn(turn(text, [order])), { kind: 'empty' }, text);
});

test('asking for a person hands off before anything else, even in a human-first workspace', () => {
  for (const text of ['agent please', 'cho tôi gặp nhân viên', 'با اپراتور صحبت کنم']) {
    assert.deepEqual(decideTurn(turn(text, [order], { humanFirst: true })), { kind: 'handoff', reason: 'asked' }, text);
  }
});

test('a human-first workspace hands off any message it can read', () => {
  assert.deepEqual(decideTurn(turn('đơn hàng của tôi ở đâu', [order], { humanFirst: true })), { kind: 'handoff', reason: 'policy' });
});

test('a frustrated customer is handed off even when the intent is clear', () => {
  const previous = ['سفارش من کجاست'];
  assert.deepEqual(decideTurn(turn('سفارش من کجاست', [order], { previousCustomerTexts: previous })), { kind: 'handoff', reason: 'frustration' });
  assert.deepEqual(decideTurn(turn('this is ridiculous, where is my order', [order])), { kind: 'handoff', reason: 'frustration' });
});

test('a confident sensitive intent goes to a person, with the intent', () => {
  const close = { intent: 'close_account', confidence: 0.8 };
  assert.deepEqual(decideTurn(turn('xóa tài khoản của tôi', [close, order])), { kind: 'handoff', reason: 'sensitive', intent: close });
});

test('a confident complaint goes to a person, even when a second intent is close', () => {
  const complain = { intent: 'complain', confidence: 0.7 };
  const decision = decideTurn(turn('I want to file a complaint about the courier', [complain, { intent: 'order_status', confidence: 0.65 }]));
  assert.deepEqual(decision, { kind: 'handoff', reason: 'complaint', intent: complain });
});

test('a sensitive intent below the threshold is not handed off for being sensitive', () => {
  const unsure = decideTurn(turn('tài khoản', [{ intent: 'close_account', confidence: 0.3 }]));
  assert.deepEqual(unsure, { kind: 'not_sure' });
});

test('two close intents ask which one was meant, even just under the threshold', () => {
  const refund = { intent: 'refund', confidence: 0.5 };
  const status = { intent: 'order_status', confidence: 0.46 };
  assert.deepEqual(decideTurn(turn('đơn hàng hoàn tiền', [refund, status])), { kind: 'clarify', options: [refund, status] });
  const exact = [{ intent: 'refund', confidence: 0.8 }, { intent: 'order_status', confidence: 0.7 }];
  assert.equal(decideTurn(turn('refund my order', exact)).kind, 'clarify', 'a gap equal to the margin is within it');
});

test('a runner-up below three quarters of the threshold does not cause a question', () => {
  const decision = decideTurn(turn('پول من برنگشته', [{ intent: 'refund', confidence: 0.5 }, { intent: 'order_status', confidence: 0.44 }]));
  assert.deepEqual(decision, { kind: 'not_sure' });
});

test('a clear winner is the answer', () => {
  const decision = decideTurn(turn('where is my order', [order, { intent: 'refund', confidence: 0.3 }]));
  assert.deepEqual(decision, { kind: 'intent', intent: order });
});

test('intents the workspace no longer has are ignored', () => {
  const decision = decideTurn(turn('where is my order', [{ intent: 'deleted', confidence: 0.95 }, order]));
  assert.deepEqual(decision, { kind: 'intent', intent: order });
});

test('the first turn not understood is answered from the knowledge base; the second goes to a person', () => {
  const vague = [{ intent: 'order_status', confidence: 0.2 }];
  assert.deepEqual(decideTurn(turn('hmm cái kia', vague)), { kind: 'not_sure' });
  assert.deepEqual(decideTurn(turn('hmm cái kia', vague, { lowConfidenceStreak: 1 })), { kind: 'handoff', reason: 'low_confidence' });
});

test('where the service escalates fast, the first turn not understood goes to a person', () => {
  const vague = [{ intent: 'order_status', confidence: 0.2 }];
  assert.deepEqual(decideTurn(turn('hmm cái kia', vague, { missesBeforeHandoff: 1 })), { kind: 'handoff', reason: 'low_confidence' });
  assert.deepEqual(decideTurn(turn('hmm cái kia', vague, { missesBeforeHandoff: 3, lowConfidenceStreak: 1 })), { kind: 'not_sure' });
});

test('without a model every readable message is not understood', () => {
  assert.deepEqual(decideTurn(turn('where is my order', [])), { kind: 'not_sure' });
  assert.deepEqual(decideTurn(turn('where is my order', [], { lowConfidenceStreak: 3 })), { kind: 'handoff', reason: 'low_confidence' });
});
