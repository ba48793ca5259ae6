// What generated history looks like: channels, hours, outcomes and words, in the proportions a
// small multilingual shop sees. Pure: a seeded random source in, rows out.

export type Random = () => number;

/** mulberry32: a small, fast, seeded generator, so the same seed gives the same history. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pickWeighted = <T>(random: Random, choices: ReadonlyArray<readonly [T, number]>): T => {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [value, weight] of choices) if ((roll -= weight) < 0) return value;
  return choices.at(-1)![0];
};

/** Log-normal seconds around a median: response and handling times are skewed like this. */
export const skewedSeconds = (random: Random, median: number) => Math.max(5, Math.round(median * Math.exp((random() + random() + random() - 1.5) * 1.4)));

export const CHANNELS = [['web', 55], ['email', 25], ['whatsapp', 12], ['sms', 8]] as const;
export const LANGUAGES = [['vi', 45], ['en', 35], ['fa', 20]] as const;
/** Arrivals by local hour: a morning and an after-lunch peak, quiet nights. */
export const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 8, 14, 18, 17, 14, 10, 13, 16, 15, 12, 9, 7, 6, 5, 4, 2, 1];
/** Sunday = 0: weekends are quieter. */
export const WEEKDAY_WEIGHTS = [5, 10, 9, 9, 9, 8, 6];
export const HANDOFF_REASONS = [['asked', 40], ['low_confidence', 25], ['complaint', 12], ['frustration', 10], ['sensitive', 8], ['policy', 5]] as const;
export const RATINGS = [[5, 48], [4, 27], [3, 11], [2, 7], [1, 7]] as const;
export const INTENTS = ['order_status', 'refund', 'change_address', 'payment_failed', 'opening_hours', 'product_question'] as const;

export const WORDS = {
  vi: { ask: ['Đơn hàng của tôi đang ở đâu?', 'Tôi muốn đổi địa chỉ giao hàng.', 'Tôi bị trừ tiền hai lần.', 'Shop còn trà sen không ạ?'], reply: ['Dạ shop kiểm tra giúp chị ngay ạ.', 'Đơn của anh đã được gửi đi hôm qua.', 'Shop đã hoàn tiền, 3–5 ngày sẽ về tài khoản ạ.'], search: ['đổi trả', 'phí giao hàng', 'trà sen', 'hoàn tiền', 'mã giảm giá hết hạn'] },
  en: { ask: ['Where is my order?', 'Can I change my delivery address?', 'I was charged twice.', 'Do you ship to Da Nang?'], reply: ['Let me check that for you.', 'Your parcel left our warehouse yesterday.', 'The duplicate charge is refunded.'], search: ['returns', 'shipping cost', 'gift card', 'refund', 'loyalty points expired'] },
  fa: { ask: ['سفارش من کجاست؟', 'می‌خواهم آدرس ارسال را عوض کنم.', 'دو بار از حسابم کسر شده است.', 'چای سبز موجود دارید؟'], reply: ['الان بررسی می‌کنم.', 'بستهٔ شما دیروز ارسال شد.', 'مبلغ اضافه برگشت داده شد.'], search: ['بازگشت کالا', 'هزینه ارسال', 'کارت هدیه', 'بازپرداخت', 'کد تخفیف منقضی'] },
} as const;
