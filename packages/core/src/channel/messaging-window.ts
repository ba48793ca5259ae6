/** WhatsApp's customer-service window: free-form replies for 24 hours after the customer's last message. */
export const WHATSAPP_WINDOW_HOURS = 24;

export type MessagingWindow = { kind: 'open'; closesAt: Date } | { kind: 'closed'; closedAt: Date | null };

/**
 * Whether a free-form WhatsApp reply may be sent now. Outside the window Meta accepts only
 * approved templates (error 131047), so the console offers those instead.
 */
export function whatsAppWindow(lastCustomerMessageAt: Date | null, now: Date): MessagingWindow {
  if (!lastCustomerMessageAt) return { kind: 'closed', closedAt: null };
  const closesAt = new Date(lastCustomerMessageAt.getTime() + WHATSAPP_WINDOW_HOURS * 3_600_000);
  return closesAt.getTime() > now.getTime() ? { kind: 'open', closesAt } : { kind: 'closed', closedAt: closesAt };
}
