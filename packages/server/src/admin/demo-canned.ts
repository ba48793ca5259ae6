import { LOCALES } from '@tandem/core';
import type { Services } from '../services.ts';

// The shop's saved replies, each in English, Vietnamese and Persian.
const DEMO_CANNED_RESPONSES = [
  {
    shortcut: 'refund',
    en: ['Refund started', "Hi {{customer.firstName}}, I've started your refund. It usually reaches your account within 5–7 business days; I'll let you know if anything holds it up. — {{agent.name}}"],
    vi: ['Đã bắt đầu hoàn tiền', 'Chào anh/chị {{customer.firstName}}, em đã tiến hành hoàn tiền cho anh/chị. Tiền thường về tài khoản trong 5–7 ngày làm việc; nếu có gì chậm trễ em sẽ báo ngay ạ. — {{agent.name}}'],
    fa: ['بازپرداخت آغاز شد', 'سلام {{customer.firstName}} عزیز، بازپرداخت شما را آغاز کردم. معمولاً ظرف ۵ تا ۷ روز کاری به حسابتان می‌رسد و اگر تأخیری پیش بیاید خبرتان می‌کنم. — {{agent.name}}'],
  },
  {
    shortcut: 'thanks',
    en: ['Thanks for reaching out', 'Thank you for contacting {{workspace.name}}, {{customer.firstName}}! Is there anything else I can help you with?'],
    vi: ['Cảm ơn', 'Cảm ơn anh/chị {{customer.firstName}} đã liên hệ {{workspace.name}}! Anh/chị còn cần em hỗ trợ gì thêm không ạ?'],
    fa: ['سپاس', '{{customer.firstName}} عزیز، از اینکه با {{workspace.name}} تماس گرفتید سپاسگزاریم! کار دیگری هست که بتوانم برایتان انجام دهم؟'],
  },
] as const;

/** Saved replies for the demo's agents to try with `/refund` and `/thanks`. */
export async function seedDemoCannedResponses(services: Services, workspaceId: string, createdBy: string): Promise<void> {
  for (const { shortcut, ...byLocale } of DEMO_CANNED_RESPONSES) {
    for (const locale of LOCALES) {
      const [title, body] = byLocale[locale];
      await services.cannedResponses.create(workspaceId, { shortcut, locale, title, body }, createdBy);
    }
  }
}
