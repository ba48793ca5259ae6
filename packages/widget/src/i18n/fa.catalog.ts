import type { Catalog } from './catalog.ts';

// In Persian a noun after a number stays singular, so `_one` and `_other` read the same.
export const faCatalog = {
  launcher: {
    open: 'باز کردن گفتگو',
    openWithUnread_one: 'باز کردن گفتگو، {{count, number}} پیام خوانده‌نشده',
    openWithUnread_other: 'باز کردن گفتگو، {{count, number}} پیام خوانده‌نشده',
    close: 'بستن گفتگو',
  },
  header: {
    close: 'بستن',
    greeting: 'سلام! چطور می‌توانیم کمکتان کنیم؟',
    open: 'معمولاً ظرف چند دقیقه پاسخ می‌دهیم',
    awayUntil: 'الان در دسترس نیستیم — {{time}} برمی‌گردیم. پیامتان را بگذارید؛ همین‌جا و با ایمیل پاسخ می‌دهیم.',
    away: 'الان در دسترس نیستیم. پیامتان را بگذارید؛ همین‌جا و با ایمیل پاسخ می‌دهیم.',
  },
  email: {
    label: 'ایمیل شما',
    placeholder: 'you@example.com',
    submit: 'ارسال پیوند',
    sending: 'در حال ارسال…',
    sent: 'صندوق ایمیلتان را ببینید: پیوندی به {{email}} فرستادیم. با باز کردن آن در هر دستگاهی می‌توانید همین گفتگو را ادامه دهید.',
    invalid: 'لطفاً یک نشانی ایمیل معتبر وارد کنید.',
    continueElsewhere: 'ادامه در دستگاهی دیگر',
    welcomeBack: 'خوش برگشتید — گفتگویتان اینجاست.',
  },
  guides: {
    label: 'راهنمای گام‌به‌گام',
    close: 'بستن راهنما',
  },
  search: {
    label: 'جستجو در مقاله‌های راهنما',
    placeholder: 'در مرکز راهنما جستجو کنید',
    results_one: '{{count, number}} مقاله پیدا شد',
    results_other: '{{count, number}} مقاله پیدا شد',
    empty: 'مقاله‌ای برای «{{query}}» پیدا نشد.',
    failed: 'جستجو فعلاً در دسترس نیست.',
  },
  conversation: {
    label: 'گفتگو',
    empty: 'برایمان پیام بفرستید — اینجا هستیم تا کمک کنیم.',
    startedOn: 'گفتگوی {{date}}',
    waiting: 'در انتظار کارشناس — به‌محض اینکه کسی آزاد شود، همین‌جا پاسخ می‌دهیم.',
    queuePosition_one: 'نفر بعدی شما هستید.',
    queuePosition_other: 'جایگاه شما در صف: {{count, number}}.',
    expectedWait_one: 'زمان انتظار تقریبی: {{count, number}} دقیقه.',
    expectedWait_other: 'زمان انتظار تقریبی: {{count, number}} دقیقه.',
    typingNamed: '{{name}} در حال نوشتن است…',
    typing: 'کسی در حال نوشتن است…',
    suggestedReplies: 'پاسخ‌های پیشنهادی',
    rateHelpful: 'این پاسخ به سؤالم جواب داد',
    rateUnhelpful: 'این پاسخ کمکی نکرد',
  },
  author: {
    customer: 'شما',
    agent: 'تیم پشتیبانی',
    bot: 'دستیار خودکار',
    system: 'اطلاعیه',
  },
  status: {
    queued: 'در حال ارسال…',
    sent: 'ارسال شد',
    seen: 'دیده شد',
    failed: 'ارسال نشد',
    retry: 'تلاش دوباره',
    delete: 'حذف',
  },
  attachment: {
    download: 'دریافت {{name}} ({{size}})',
  },
  prechat: {
    topic: 'موضوع چیست؟',
    with: 'شروع با',
    bot: 'دستیار خودکار',
    person: 'یک همکار',
  },
  handoff: {
    button: 'گفتگو با کارشناس',
    confirmed: 'یکی از کارشناسان همین‌جا پاسخ می‌دهد. می‌توانید این صفحه را ببندید — گفتگو محفوظ می‌ماند.',
    failed: 'الان نتوانستیم به تیم پشتیبانی وصل شویم. لطفاً دوباره تلاش کنید.',
  },
  composer: {
    label: 'پیام',
    placeholder: 'پیامی بنویسید…',
    send: 'ارسال',
    attach: 'پیوست فایل',
    uploading: 'در حال بارگذاری «{{name}}»…',
    tooLong: 'هر پیام حداکثر {{max, number}} نویسه می‌تواند داشته باشد.',
  },
  upload: {
    tooLarge: '«{{name}}» خیلی بزرگ است. حجم فایل حداکثر می‌تواند {{max}} باشد.',
    typeNotAllowed: '«{{name}}» را نمی‌توان فرستاد: این نوع فایل پذیرفته نمی‌شود.',
    failed: 'فایل بارگذاری نشد. لطفاً دوباره تلاش کنید.',
  },
  offline: {
    banner: 'الان دسترسی به ما ممکن نیست. پیام‌هایتان ذخیره شده‌اند و با برقراری دوبارهٔ اتصال فرستاده می‌شوند.',
  },
  error: {
    generic: 'مشکلی پیش آمد. لطفاً دوباره تلاش کنید.',
    magicLinkInvalid: 'این پیوند ورود نامعتبر است یا منقضی شده است. ایمیلتان را وارد کنید تا پیوند تازه‌ای بفرستیم.',
    dismiss: 'بستن',
  },
  title: {
    flash_one: '({{count, number}}) پیام تازه · {{title}}',
    flash_other: '({{count, number}}) پیام تازه · {{title}}',
  },
} satisfies Catalog;
