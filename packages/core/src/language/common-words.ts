// Very common words that tell English from Vietnamese typed without diacritics, hand written
// from general knowledge (not mined from any data set). Words outside these lists count by their
// shape, so English words that could not be a Vietnamese syllable need no listing; the English
// list holds the ones that could ("the", "then", "top") and the very frequent ones.
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  ('a i at be but by get go got me my not oh then than that up it us let set put cut hot top big bit ' +
   'pay say way saw new now how who yes yeah please thanks thank you hello hey hi what when where why ' +
   'which this these those with from for of and or is are was were does did done has have had will ' +
   'would could should must the song run pop dot hit lot sit sun men pen map tip chip ring sing thing ' +
   'king buy guy due room soon moon noon via tic toe').split(' '),
);

// Frequent in both ("can" is cần, "do" is đó, "day" is đây, "so" is số): they vote for neither.
export const SHARED_WORDS: ReadonlySet<string> = new Set(
  'am an can chat com cap day do he in may no ok okay on pin so tac them to'.split(' '),
);

// Syllables that English words almost never are, and that Vietnamese uses in nearly every sentence.
export const VIETNAMESE_WORDS: ReadonlySet<string> = new Set(
  ('toi ban cua khong duoc nguoi nhung mot cac nay cho voi la co va da dang se thi lam gi sao nao dau ' +
   'muon hay bao nhieu gio ngay hom mai nam thang tuan di den tu len xuong vao ra roi con cung van dung ' +
   'het lai nua chua nhe nhi oi xin cam chao vui long giup minh em anh chi ho chung hang don tien mat ' +
   'khau tai khoan dat goi tin nhan biet xem bat tat mo nhac phat sang chieu trong ngoai qua hon nhat ' +
   'thoi tiet troi nhu kia ai mua tang giam luong choi tim ghi chu nghia thich hat bai dai tiep phim ' +
   'nau dich gan moi tren duoi doc ten gui thu lien dien thoai tinh viec nha cong ty gia re ve hoi tra ' +
   'loi tao xoa sua doi kiem thong huy vu hoa thanh toan ngan giao nhanh cham sau truoc khi neu vi nen ' +
   'phai thay nghe noi viet hoc chay dong dem bay bang').split(' '),
);
