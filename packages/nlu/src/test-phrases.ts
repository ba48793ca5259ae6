import type { LabelledText } from './intent-classifier.ts';

/** A small trilingual support workspace's training phrases, for tests. */
const PHRASES: Record<string, string[]> = {
  order_status: [
    'where is my order', 'track my package', 'my order has not arrived', 'when will my parcel be delivered', 'order status please',
    'đơn hàng của tôi đâu', 'kiểm tra tình trạng đơn hàng', 'khi nào tôi nhận được hàng', 'theo dõi đơn hàng',
    'سفارش من کجاست', 'وضعیت سفارشم چیه', 'بسته من کی می‌رسد', 'پیگیری سفارش',
  ],
  password_reset: [
    'i forgot my password', 'reset my password', 'cannot log in to my account', 'change my password', 'password not working',
    'tôi quên mật khẩu', 'đặt lại mật khẩu', 'không đăng nhập được', 'đổi mật khẩu',
    'رمز عبورم را فراموش کردم', 'بازنشانی رمز عبور', 'نمی‌توانم وارد حسابم شوم', 'تغییر رمز',
  ],
  refund: [
    'i want a refund', 'give me my money back', 'how do i get a refund', 'refund my order', 'return this item for a refund',
    'tôi muốn hoàn tiền', 'trả lại tiền cho tôi', 'làm sao để được hoàn tiền', 'hoàn tiền đơn hàng',
    'می‌خواهم پولم را پس بگیرم', 'بازپرداخت وجه', 'چطور پولم برگردانده می‌شود', 'استرداد وجه سفارش',
  ],
  opening_hours: [
    'what time do you open', 'when are you open', 'opening hours', 'are you open on sunday', 'what are your hours',
    'mấy giờ cửa hàng mở cửa', 'giờ mở cửa', 'chủ nhật có mở cửa không', 'cửa hàng mở lúc nào',
    'ساعت کاری شما چیست', 'چه ساعتی باز هستید', 'جمعه باز هستید', 'ساعات کار فروشگاه',
  ],
};

export const TEST_PHRASES: LabelledText[] = Object.entries(PHRASES).flatMap(([intent, texts]) => texts.map((text) => ({ intent, text })));
