// The words carriers and customers use to stop text notices (CTIA's list, and their Vietnamese
// and Persian equivalents), compared whole: "stop" is an opt-out, "please stop by" is not.
const OPT_OUT_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'hủy', 'huy', 'dừng', 'dung', 'لغو', 'توقف']);

/** Whether an SMS or WhatsApp reply asks to stop notices. */
export function isOptOutReply(text: string): boolean {
  return OPT_OUT_WORDS.has(text.normalize('NFC').trim().toLowerCase().replace(/[.!。]+$/u, ''));
}
