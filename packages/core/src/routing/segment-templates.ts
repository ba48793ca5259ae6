// Starting points an admin can adopt as they are or edit. The four segments are the customer
// groups customer-service research keeps finding; `income_band` is a host attribute
// (`high`, `middle`, `lower_middle`, `low`).
import type { Locale } from '../vocabulary.ts';
import type { Segment } from './segments.ts';
import { VERTICAL_POLICIES, type ServiceStrategy, type Vertical, type VerticalPolicy } from './service-strategy.ts';

type Localized = Readonly<Record<Locale, string>>;

export interface SegmentTemplate extends Segment {
  name: Localized;
  description: Localized;
  strategy: ServiceStrategy;
}

export const SEGMENT_TEMPLATES: readonly SegmentTemplate[] = [
  {
    // Customers who stick to one mode, by themselves or with people, are served that way whatever
    // their income: behaviour says more than a band, so this one comes first.
    key: 'neutrals',
    name: { en: 'Neutrals: loyal to one mode', vi: 'Nhóm trung lập: gắn bó với một hình thức hỗ trợ', fa: 'بی‌طرف‌ها: وفادار به یک روش' },
    description: {
      en: 'Customers who resolve nearly everything (80% or more, over at least 3 conversations) one way, by themselves or with a person: serve them the way their last issue was resolved.',
      vi: 'Khách hàng giải quyết gần như mọi vấn đề (từ 80% trở lên, qua ít nhất 3 cuộc trò chuyện) theo một cách, tự phục vụ hoặc cùng nhân viên: hãy phục vụ họ theo cách vấn đề gần nhất đã được giải quyết.',
      fa: 'مشتریانی که تقریباً همهٔ مسائلشان را (۸۰٪ یا بیشتر، در دست‌کم ۳ گفت‌وگو) به یک روش حل می‌کنند، خودشان یا با کارشناس: به همان روشی به آن‌ها خدمت کنید که آخرین مسئله‌شان حل شد.',
    },
    rule: {
      all: [
        { field: 'behaviour.conversations', op: 'gte', value: 3 },
        { any: [{ field: 'behaviour.selfServiceShare', op: 'gte', value: 0.8 }, { field: 'behaviour.peopleShare', op: 'gte', value: 0.8 }] },
      ],
    },
    strategy: 'same-as-last-time',
    priority: 40,
  },
  {
    key: 'high-income-hybrid',
    name: { en: 'High income: hybrid service', vi: 'Thu nhập cao: dịch vụ kết hợp', fa: 'پردرآمد: خدمات ترکیبی' },
    description: {
      en: 'Customers with a high income who like quick answers from the bot with a person close at hand: start with the bot, an agent one step away.',
      vi: 'Khách hàng thu nhập cao, thích bot trả lời nhanh nhưng vẫn muốn có nhân viên bên cạnh: bắt đầu với bot, nhân viên chỉ cách một bước.',
      fa: 'مشتریان پردرآمدی که پاسخ سریع ربات را می‌پسندند و می‌خواهند کارشناس در دسترس باشد: گفت‌وگو با ربات آغاز می‌شود و کارشناس تنها یک قدم فاصله دارد.',
    },
    rule: { field: 'attributes.income_band', op: 'equals', value: 'high' },
    strategy: 'hybrid',
    priority: 30,
  },
  {
    key: 'middle-income-agents',
    name: { en: 'Middle income: prefer agents', vi: 'Thu nhập trung bình: ưu tiên nhân viên', fa: 'درآمد متوسط: ترجیح کارشناس' },
    description: {
      en: 'Customers with a middle income who would rather talk to a person: conversations go straight to an agent.',
      vi: 'Khách hàng thu nhập trung bình, muốn trao đổi trực tiếp với con người: cuộc trò chuyện được chuyển thẳng đến nhân viên.',
      fa: 'مشتریان با درآمد متوسط که ترجیح می‌دهند با یک انسان صحبت کنند: گفت‌وگو مستقیم به کارشناس می‌رسد.',
    },
    rule: { field: 'attributes.income_band', op: 'equals', value: 'middle' },
    strategy: 'human-first',
    priority: 20,
  },
  {
    // A customer with no messages yet has no digitalShare, so `lt` fails and `not` lets them in:
    // only those who mostly call are left out.
    key: 'lower-middle-digital',
    name: { en: 'Lower-middle income: going digital', vi: 'Thu nhập trung bình thấp: chuyển sang kênh số', fa: 'درآمد متوسط رو به پایین: گرایش به کانال‌های دیجیتال' },
    description: {
      en: 'Customers with a lower-middle income who are moving to digital channels (unless they mostly call): self-service and the bot first.',
      vi: 'Khách hàng thu nhập trung bình thấp đang chuyển sang kênh số (trừ khi chủ yếu gọi điện): ưu tiên tự phục vụ và bot.',
      fa: 'مشتریان با درآمد متوسط رو به پایین که به کانال‌های دیجیتال روی آورده‌اند (مگر آنکه بیشتر تماس تلفنی بگیرند): اول خودیاری و ربات.',
    },
    rule: {
      all: [
        { field: 'attributes.income_band', op: 'equals', value: 'lower_middle' },
        { not: { field: 'behaviour.digitalShare', op: 'lt', value: 0.5 } },
      ],
    },
    strategy: 'bot-first',
    priority: 10,
  },
];

export interface VerticalTemplate {
  vertical: Vertical;
  name: Localized;
  description: Localized;
  /** The very table `resolveStrategy` and `fastEscalation` read. */
  policy: Readonly<VerticalPolicy>;
}

const vertical = (key: Vertical, name: Localized, description: Localized): VerticalTemplate => ({ vertical: key, name, description, policy: VERTICAL_POLICIES[key] });

export const VERTICAL_TEMPLATES: readonly VerticalTemplate[] = [
  vertical('banking', { en: 'Banking', vi: 'Ngân hàng', fa: 'بانکداری' }, {
    en: 'Customers prefer people: conversations start hybrid, and complaints and money matters go straight to an agent.',
    vi: 'Khách hàng chuộng được con người phục vụ: cuộc trò chuyện bắt đầu theo hình thức kết hợp, còn khiếu nại và các vấn đề về tiền được chuyển thẳng đến nhân viên.',
    fa: 'مشتریان ارتباط با انسان را ترجیح می‌دهند: گفت‌وگوها به‌صورت ترکیبی آغاز می‌شوند و شکایت‌ها و موضوعات مالی مستقیم به کارشناس می‌رسند.',
  }),
  vertical('retail', { en: 'Retail', vi: 'Bán lẻ', fa: 'خرده‌فروشی' }, {
    en: 'Customers go online: the bot answers first and hands off to a person after one question it does not understand.',
    vi: 'Khách hàng chuộng kênh trực tuyến: bot trả lời trước và chuyển sang nhân viên ngay sau một câu hỏi bot không hiểu.',
    fa: 'مشتریان سراغ کانال‌های آنلاین می‌روند: ربات اول پاسخ می‌دهد و پس از نخستین پرسشی که نمی‌فهمد، گفت‌وگو را به کارشناس می‌سپارد.',
  }),
  vertical('telecom', { en: 'Telecom', vi: 'Viễn thông', fa: 'مخابرات' }, {
    en: 'A hybrid service: the bot handles routine requests, with an agent one step away.',
    vi: 'Dịch vụ kết hợp: bot xử lý các yêu cầu thường gặp, nhân viên chỉ cách một bước.',
    fa: 'خدمات ترکیبی: ربات درخواست‌های روزمره را پاسخ می‌دهد و کارشناس تنها یک قدم فاصله دارد.',
  }),
  vertical('saas', { en: 'Software (SaaS)', vi: 'Phần mềm (SaaS)', fa: 'نرم‌افزار (SaaS)' }, {
    en: 'Customers help themselves: the help center and the bot come first.',
    vi: 'Khách hàng tự tìm câu trả lời: ưu tiên trung tâm trợ giúp và bot.',
    fa: 'مشتریان خودشان پاسخ را پیدا می‌کنند: اول مرکز راهنما و ربات.',
  }),
  vertical('other', { en: 'Other', vi: 'Khác', fa: 'سایر' }, {
    en: 'No policy for the industry: the workspace’s default strategy applies.',
    vi: 'Không có chính sách riêng theo ngành: áp dụng chiến lược mặc định của không gian làm việc.',
    fa: 'بدون سیاست ویژهٔ صنعت: راهبرد پیش‌فرض فضای کاری اعمال می‌شود.',
  }),
];
