// Word lists for the handoff rules, written as people type them; handoff-rules.ts folds them the
// same way it folds messages, so "nhân viên" also matches "nhan vien" and "ي" matches "ی".

/** Who a customer asks for when they want a person. */
export const PERSON_PHRASES = [
  'agent', 'agents', 'human', 'humans', 'person', 'someone', 'somebody', 'representative', 'rep',
  'operator', 'staff', 'manager', 'supervisor', 'customer service', 'customer support', 'customer care',
  'support team', 'live agent', 'live person', 'live chat', 'real person', 'real human', 'human being',
  'actual person', 'anyone there', 'anybody there',
  'nhân viên', 'nhân viên tư vấn', 'nhân viên hỗ trợ', 'nhân viên chăm sóc khách hàng', 'nhân viên cskh',
  'tư vấn viên', 'tổng đài viên', 'tổng đài', 'người thật', 'con người', 'người tư vấn', 'người hỗ trợ',
  // Not "người" alone: "tôi muốn người nhận là mẹ tôi" sets a recipient.
  'với người', 'gặp người', 'ai đó', 'chăm sóc khách hàng', 'cskh', 'chuyên viên', 'quản lý',
  'اپراتور', 'پشتیبان', 'پشتیبانی', 'کارشناس', 'انسان', 'آدم', 'آدم واقعی', 'نیروی انسانی', 'مسئول',
  'مشاور', 'نماینده', 'همکار',
];

/** Verbs and requests that come before the person in English and Vietnamese ("talk to…", "gặp…"). */
export const REQUEST_BEFORE = [
  'talk', 'speak', 'chat', 'connect', 'transfer', 'reach', 'contact', 'call', 'get', 'give', 'put',
  'want', 'need', 'let', 'escalate', 'forward', 'switch', 'is there', 'are there',
  'gặp', 'nói', 'chuyển', 'kết nối', 'liên hệ', 'gọi', 'muốn', 'cần', 'cho tôi', 'cho mình', 'cho em',
  'trao đổi', 'hỏi', 'nhờ',
];

/** Requests that may come on either side, as Persian puts the verb last ("با اپراتور صحبت کنم"). */
export const REQUEST_EITHER_SIDE = [
  'available', 'صحبت', 'حرف', 'وصل', 'تماس', 'ارتباط', 'گفتگو', 'چت', 'میخواهم', 'میخوام', 'خواهم', 'خوام',
  'بدهید', 'بدید', 'ارجاع', 'انتقال',
];

/** Words that turn a request around ("I don't need an agent", "không cần nhân viên"). */
export const NEGATIONS = ['no', 'not', 'dont', 'don t', 'never', 'không cần', 'không muốn', 'chưa cần', 'đừng'];

/** Words that add nothing to a short request ("agent please", "nhân viên ơi"). */
export const FILLERS = [
  'please', 'pls', 'plz', 'now', 'a', 'an', 'the', 'hi', 'hello', 'hey', 'ok', 'okay', 'just', 'asap',
  'ơi', 'ạ', 'à', 'xin', 'làm ơn', 'đi', 'với', 'nhé', 'nha', 'vậy', 'shop', 'alo', 'đâu', 'rồi',
  'لطفا', 'سلام', 'یک', 'یه', 'با',
];

/** Words that cancel an unhappy word next to them: "không tệ" (not bad), "افتضاح نیست". */
export const NOT_BEFORE = ['not', 'never', 'không', 'chẳng', 'ko'];
export const NOT_AFTER = ['نیست', 'نبود'];

/** Unhappy words, matched without diacritics, so only those that stay unambiguous when folded. */
export const NEGATIVE_FOLDED = [
  'useless', 'terrible', 'horrible', 'awful', 'ridiculous', 'angry', 'furious', 'pathetic', 'stupid',
  'worst', 'annoying', 'annoyed', 'frustrated', 'frustrating', 'unacceptable', 'unhelpful', 'not helpful',
  'no help', 'waste of time', 'fed up', 'sick of', 'wtf', 'hate', 'disappointed', 'disgusting', 'scam',
  'rubbish', 'garbage', 'crap', 'idiot', 'dumb', 'nonsense',
  'vô dụng', 'bực mình', 'bực bội', 'quá tệ', 'tệ quá', 'tệ hại', 'thất vọng', 'kém cỏi', 'lừa đảo', 'vô lý',
  'ngu ngốc', 'đồ ngu', 'vớ vẩn', 'tức quá', 'tức giận', 'khó chịu', 'chán nản', 'vô trách nhiệm',
  'mất thời gian',
];

/**
 * Unhappy words matched exactly: Vietnamese syllables whose folded form means something else
 * ("tệ" folds to "te" as in "quốc tế", "chán" to "chan" as in "chặn"), and Persian, where "آشغال"
 * (rubbish) would fold to "اشغال" (busy). Persian words also match with a suffix ("عصبانیم").
 */
export const NEGATIVE_EXACT = [
  'tệ', 'bực', 'chán', 'ngu', 'điên',
  'افتضاح', 'بدرد نخور', 'به درد نخور', 'بدردنخور', 'عصبانی', 'مزخرف', 'داغون', 'بیخود', 'بیفایده',
  'مسخره', 'احمق', 'کلافه', 'ناامید', 'بدترین', 'وحشتناک', 'آشغال', 'خسته شدم', 'اعصاب', 'ناراضی',
  'کلاهبرداری', 'بیشعور',
];
