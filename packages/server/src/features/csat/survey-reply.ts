/** Persian and Arabic-Indic digits read as their Latin value. */
const digit = (c: string) => String('0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩'.indexOf(c) % 10);

/**
 * A survey answer sent as a message ("5", "۴", "3 stars", "4 sao", "۵ ستاره"): the rating, or
 * null when the message says anything more (then it is a message, and reopens as usual).
 */
export function ratingIn(body: string): number | null {
  const match = /^\s*([1-5۱-۵١-٥])\s*(?:★+|\*+|stars?|sao|ستاره)?\s*[.!]?\s*$/iu.exec(body);
  return match ? Number(digit(match[1]!)) : null;
}
