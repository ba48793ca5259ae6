// Every string the server itself shows to people (emails, the demo page), in each locale.
// Keys are the same in every catalog; a test fails when one is missing.
export const en = {
  magicLink: {
    subject: 'Continue your conversation with {{workspace}}',
    body: 'Hello,\n\nSomeone (we hope you) asked to continue a conversation with {{workspace}} on another device. Open this link within {{minutes}} minutes:\n\n{{link}}\n\nIf this was not you, ignore this email: nothing happens unless the link is opened.',
  },
  demo: {
    title: 'Lotus Tea House: demo store',
    tagline: 'Hand-picked teas from Thái Nguyên, Shiraz and Darjeeling.',
    products: 'Our teas',
    addToCart: 'Add to cart',
    help: 'Questions about an order? Use the chat button in the corner.',
    signIn: 'Sign in as the demo customer',
    signedIn: 'Signed in as {{name}} (identity verified by the site)',
    language: 'Language',
  },
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Catalog = Shape<typeof en>;

export const vi: Catalog = {
  magicLink: {
    subject: 'Tiếp tục cuộc trò chuyện với {{workspace}}',
    body: 'Xin chào,\n\nCó người (chúng tôi mong là bạn) muốn tiếp tục cuộc trò chuyện với {{workspace}} trên một thiết bị khác. Hãy mở liên kết này trong vòng {{minutes}} phút:\n\n{{link}}\n\nNếu không phải bạn, hãy bỏ qua email này: sẽ không có gì xảy ra nếu liên kết không được mở.',
  },
  demo: {
    title: 'Lotus Tea House: cửa hàng demo',
    tagline: 'Trà tuyển chọn từ Thái Nguyên, Shiraz và Darjeeling.',
    products: 'Các loại trà',
    addToCart: 'Thêm vào giỏ',
    help: 'Có câu hỏi về đơn hàng? Hãy dùng nút trò chuyện ở góc màn hình.',
    signIn: 'Đăng nhập bằng khách hàng demo',
    signedIn: 'Đã đăng nhập là {{name}} (danh tính được trang web xác minh)',
    language: 'Ngôn ngữ',
  },
};

export const fa: Catalog = {
  magicLink: {
    subject: 'ادامهٔ گفت‌وگو با {{workspace}}',
    body: 'سلام،\n\nکسی (امیدواریم خودتان) خواسته است گفت‌وگو با {{workspace}} را روی دستگاه دیگری ادامه دهد. این پیوند را ظرف {{minutes}} دقیقه باز کنید:\n\n{{link}}\n\nاگر شما نبودید، این ایمیل را نادیده بگیرید: تا پیوند باز نشود هیچ اتفاقی نمی‌افتد.',
  },
  demo: {
    title: 'چای‌خانهٔ نیلوفر: فروشگاه نمایشی',
    tagline: 'چای‌های دست‌چین از تای‌نگوین، شیراز و دارجیلینگ.',
    products: 'چای‌های ما',
    addToCart: 'افزودن به سبد',
    help: 'دربارهٔ سفارش پرسشی دارید؟ از دکمهٔ گفت‌وگو در گوشهٔ صفحه استفاده کنید.',
    signIn: 'ورود به‌عنوان مشتری نمایشی',
    signedIn: 'واردشده به‌عنوان {{name}} (هویت توسط سایت تأیید شده)',
    language: 'زبان',
  },
};
