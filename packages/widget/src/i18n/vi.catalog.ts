import type { Catalog } from './catalog.ts';

// Vietnamese has a single plural form, so plural keys carry only `_other`.
export const viCatalog = {
  launcher: {
    open: 'Mở cửa sổ trò chuyện',
    openWithUnread_other: 'Mở cửa sổ trò chuyện, {{count, number}} tin nhắn chưa đọc',
    close: 'Đóng cửa sổ trò chuyện',
  },
  header: {
    close: 'Đóng',
    greeting: 'Xin chào! Chúng tôi có thể giúp gì cho bạn?',
    open: 'Chúng tôi thường trả lời trong vài phút',
    awayUntil: 'Hiện chúng tôi đang tạm vắng — sẽ quay lại vào {{time}}. Bạn cứ để lại tin nhắn, chúng tôi sẽ trả lời tại đây và qua email.',
    away: 'Hiện chúng tôi đang tạm vắng. Bạn cứ để lại tin nhắn, chúng tôi sẽ trả lời tại đây và qua email.',
  },
  email: {
    label: 'Email của bạn',
    placeholder: 'ban@vidu.com',
    submit: 'Gửi liên kết cho tôi',
    sending: 'Đang gửi…',
    sent: 'Vui lòng kiểm tra hộp thư: chúng tôi đã gửi liên kết đến {{email}}. Mở liên kết trên bất kỳ thiết bị nào để tiếp tục cuộc trò chuyện này.',
    invalid: 'Vui lòng nhập địa chỉ email hợp lệ.',
    continueElsewhere: 'Tiếp tục trên thiết bị khác',
    welcomeBack: 'Chào mừng bạn quay lại — cuộc trò chuyện của bạn vẫn ở đây.',
  },
  guides: {
    label: 'Hướng dẫn từng bước',
    close: 'Đóng hướng dẫn',
  },
  search: {
    label: 'Tìm bài viết trợ giúp',
    placeholder: 'Tìm trong trung tâm trợ giúp',
    results_other: 'Tìm thấy {{count, number}} bài viết',
    empty: 'Không tìm thấy bài viết nào cho “{{query}}”.',
    failed: 'Hiện chưa thể tìm kiếm.',
  },
  conversation: {
    label: 'Cuộc trò chuyện',
    empty: 'Hãy nhắn cho chúng tôi — chúng tôi luôn sẵn lòng hỗ trợ.',
    startedOn: 'Cuộc trò chuyện ngày {{date}}',
    waiting: 'Đang chờ nhân viên hỗ trợ — chúng tôi sẽ trả lời tại đây ngay khi có người rảnh.',
    queuePosition_other: 'Bạn đang ở vị trí thứ {{count, number}} trong hàng chờ.',
    expectedWait_other: 'Thời gian chờ dự kiến: khoảng {{count, number}} phút.',
    typingNamed: '{{name}} đang soạn tin…',
    typing: 'Có người đang soạn tin…',
    suggestedReplies: 'Gợi ý trả lời',
    rateHelpful: 'Câu trả lời này đã giải đáp thắc mắc của tôi',
    rateUnhelpful: 'Câu trả lời này không giúp được tôi',
  },
  author: {
    customer: 'Bạn',
    agent: 'Đội hỗ trợ',
    bot: 'Trợ lý tự động',
    system: 'Thông báo',
  },
  status: {
    queued: 'Đang gửi…',
    sent: 'Đã gửi',
    seen: 'Đã xem',
    failed: 'Chưa gửi được',
    retry: 'Thử lại',
    delete: 'Xóa',
  },
  attachment: {
    download: 'Tải xuống {{name}} ({{size}})',
  },
  prechat: {
    topic: 'Bạn cần hỗ trợ về việc gì?',
    with: 'Bắt đầu với',
    bot: 'Trợ lý tự động',
    person: 'Nhân viên',
  },
  proactive: {
    label: 'Gợi ý từ {{name}}',
    close: 'Đóng gợi ý này',
    openGuide: 'Mở hướng dẫn',
    articles: 'Bài viết gợi ý',
    doNotDisturb: 'Đừng hiện những gợi ý này',
  },
  handoff: {
    button: 'Nói chuyện với nhân viên',
    confirmed: 'Nhân viên hỗ trợ sẽ trả lời bạn tại đây. Bạn có thể đóng trang này — cuộc trò chuyện vẫn được lưu lại.',
    failed: 'Hiện chưa liên hệ được với đội hỗ trợ. Vui lòng thử lại.',
  },
  composer: {
    label: 'Tin nhắn',
    placeholder: 'Nhập tin nhắn…',
    send: 'Gửi',
    attach: 'Đính kèm tệp',
    uploading: 'Đang tải lên {{name}}…',
    tooLong: 'Tin nhắn chỉ được dài tối đa {{max, number}} ký tự.',
  },
  upload: {
    tooLarge: '“{{name}}” quá lớn. Tệp chỉ được tối đa {{max}}.',
    typeNotAllowed: 'Không thể gửi “{{name}}”: loại tệp này không được hỗ trợ.',
    failed: 'Không tải tệp lên được. Vui lòng thử lại.',
  },
  offline: {
    banner: 'Hiện không kết nối được với chúng tôi. Tin nhắn của bạn đã được lưu và sẽ tự động gửi khi có kết nối trở lại.',
  },
  error: {
    generic: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
    magicLinkInvalid: 'Liên kết đăng nhập này không hợp lệ hoặc đã hết hạn. Hãy nhập email để nhận liên kết mới.',
    dismiss: 'Đóng',
  },
  title: {
    flash_other: '({{count, number}}) Tin nhắn mới · {{title}}',
  },
} satisfies Catalog;
