import type { Services } from '../services.ts';
import type { RuleInput } from '../features/proactive/rule.service.ts';

// The shop's proactive help: a gentle offer after a while on the storefront, and a message when
// the shop's backend reports a delayed order. Both in English, Vietnamese and Persian.
const DEMO_RULES: Array<Pick<RuleInput, 'name' | 'trigger' | 'action' | 'holdoutPercent'>> = [
  {
    name: 'Offer help after 20 seconds on the shop',
    trigger: { kind: 'time_on_page', seconds: 20, urlPattern: '/demo*' },
    action: {
      kind: 'bot_message',
      text: { en: 'Looking for the right tea? I can help you choose.', vi: 'Bạn đang tìm loại trà phù hợp? Mình có thể giúp bạn chọn.', fa: 'دنبال چای مناسب هستید؟ می‌توانم در انتخاب کمکتان کنم.' },
      quickReplies: [
        { en: 'Which tea suits me?', vi: 'Trà nào hợp với tôi?', fa: 'کدام چای برای من مناسب است؟' },
        { en: 'Where is my order?', vi: 'Đơn hàng của tôi đâu rồi?', fa: 'سفارشم کجاست؟' },
      ],
    },
    // Everyone sees it in the demo; a real rule would keep a control group to measure its effect.
    holdoutPercent: 0,
  },
  {
    name: 'Tell customers when their order is delayed',
    trigger: { kind: 'business_event', event: 'order_delayed' },
    action: {
      kind: 'send_message',
      subject: 'Your order {{orderId}} is delayed',
      text: {
        en: 'Sorry: your order {{orderId}} is delayed and should arrive by {{eta}}. Reply here if you need anything.',
        vi: 'Xin lỗi: đơn hàng {{orderId}} của bạn bị chậm và dự kiến đến trước {{eta}}. Trả lời tại đây nếu bạn cần hỗ trợ.',
        fa: 'پوزش می‌خواهیم: سفارش {{orderId}} شما با تأخیر همراه است و تا {{eta}} می‌رسد. اگر کمکی لازم دارید همین‌جا پاسخ دهید.',
      },
      openConversation: true,
    },
    holdoutPercent: 0,
  },
];

export async function seedDemoProactiveRules(services: Services, workspaceId: string): Promise<void> {
  for (const rule of DEMO_RULES) {
    await services.proactiveRules.create(workspaceId, {
      enabled: true,
      audience: { segments: [], locales: [], returning: 'any', identified: 'any', withinBusinessHours: 'any', agentsAvailable: 'any' },
      allowWhileTyping: false,
      allowDuringPurchase: false,
      ...rule,
    });
  }
}
