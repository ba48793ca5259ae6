import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './detect-language.ts';

const english = [
  'hi', 'hello', 'thanks', 'help', 'refund', 'I want to reset my password', 'Where is my order?',
  'can I talk to a person', 'my card was charged twice', 'how do I change my email address',
  'the app keeps crashing when I log in', 'cancel my subscription please', 'is the store open on Sunday',
  'I never received the package', 'what are your opening hours', 'Thank you so much!',
  'your delivery guy left it at the wrong door', 'how long does shipping take to Hanoi',
  'I ordered a café latte and got tea', 'please send me the invoice for March',
  'why was my account suspended', 'track order 48213', 'the promo code does not work',
  'I would like to speak with someone', 'update my phone number', 'AGENT PLEASE',
  'my name is Nguyễn and I need help with my order', 'set an alarm for ten', 'good morning', 'bye',
];
const vietnamese = [
  'cảm ơn', 'chào bạn', 'xin chào', 'tôi muốn đổi mật khẩu', 'đơn hàng của tôi ở đâu',
  'cho tôi gặp nhân viên', 'tài khoản bị khóa rồi', 'phí vận chuyển bao nhiêu vậy',
  'tôi chưa nhận được hàng', 'làm sao để hủy đơn', 'Shop ơi còn hàng không ạ',
  'thanh toán bằng thẻ được không', 'TÔI MUỐN HOÀN TIỀN', 'mình muốn đổi size áo',
  'toi muon doi mat khau', 'don hang cua toi o dau', 'cam on ban', 'chao shop',
  'tai khoan cua toi bi khoa', 'toi chua nhan duoc hang', 'lam sao de huy don',
  'cho minh gap nhan vien tu van', 'phi ship bao nhieu', 'khi nao giao hang vay',
  'shop co ship ve Da Nang khong', 'ok cảm ơn shop nhé', 'đặt pizza giao tận nhà',
  'mã giảm giá không dùng được', 'bạn có thể giúp tôi không', 'giờ mở cửa thế nào',
];
const persian = [
  'مرسی', 'سلام', 'ممنون', 'سفارش من کجاست', 'می‌خواهم رمز عبورم را عوض کنم', 'با یک انسان صحبت کنم',
  'اپراتور', 'پول من برنگشته', 'كيف پول من خالي است', 'کارت من دو بار شارژ شد', 'چطور اشتراک را لغو کنم',
  'لطفا فاکتور را بفرستید', 'ساعت کاری شما چیست؟', 'بسته هنوز نرسیده', 'کد تخفیف کار نمی‌کنه',
  'من آیفون 13 می‌خواهم', 'سفارش ۴۸۲۱ کجاست', 'خیلی ممنونم از کمکتون', 'آدرس ایمیلم را تغییر بدهید',
  'پشتیبانی لطفا', 'اپلیکیشن مدام بسته می‌شود', 'حساب کاربری من مسدود شده', 'افتضاح است',
  'ارسال به شیراز چند روز طول می‌کشد', 'شماره تلفنم را به‌روز کنید', 'مبلغ اضافه کسر شده',
  'رسید پرداخت را ندارم', 'من از Digikala خرید کردم', 'باشه', 'خداحافظ',
];
const cases: Array<[string, readonly string[]]> = [['en', english], ['vi', vietnamese], ['fa', persian]];
for (const [locale, sentences] of cases) {
  test(`${sentences.length} ${locale} sentences are recognised as ${locale}`, () => {
    const wrong = sentences.filter((s) => detectLanguage(s).locale !== locale);
    assert.deepEqual(wrong, []);
  });
}

test('Vietnamese typed with combining marks (NFD) or a zero-width space is still Vietnamese', () => {
  assert.equal(detectLanguage('tôi muốn đổi mật khẩu'.normalize('NFD')).locale, 'vi');
  assert.equal(detectLanguage('cảm\u200b ơn').locale, 'vi');
});

test('text with nothing to read has no language', () => {
  for (const text of ['', '   ', '👍👍', '🙏', '12345', '!!!', '#4821 - 09:30']) {
    assert.deepEqual(detectLanguage(text), { locale: null, confidence: 0 }, text);
  }
});

test('a word that both languages use ("ok") decides nothing', () => {
  assert.deepEqual(detectLanguage('ok'), { locale: null, confidence: 0 });
});

test('Latin text quoting a Persian name stays English; Persian with a brand name stays Persian', () => {
  assert.equal(detectLanguage('please update the name on my account to علی').locale, 'en');
  assert.equal(detectLanguage('اشتراک Netflix من تمدید نشد').locale, 'fa');
});

test('one word is a weaker hint than a sentence', () => {
  const short = detectLanguage('hi').confidence;
  const long = detectLanguage('hi, where is my order please').confidence;
  assert.ok(short > 0 && short < 0.5, `hi: ${short}`);
  assert.ok(long > 0.9, `sentence: ${long}`);
  assert.equal(detectLanguage('tôi muốn đổi mật khẩu').confidence, 1);
});

test('a few Vietnamese-looking words in English lose to the English around them', () => {
  assert.equal(detectLanguage('I love pho and banh mi from that place').locale, 'en');
});
