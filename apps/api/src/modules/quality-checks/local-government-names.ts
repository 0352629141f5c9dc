export interface LocalGovernmentMention {
  /** The prefix as written: "องค์การบริหารส่วนตำบล", "อบต.", "เทศบาลตำบล", … */
  prefix: string;
  /** The name that follows the prefix, cut before the next word when no space ends it. */
  name: string;
  /** The Thai letters right after the prefix, uncut (names run into the next word in Thai). */
  following: string;
  /** The next characters after the prefix with spaces removed, to compare despite spacing artefacts. */
  compactFollowing: string;
  index: number;
}

const THAI = '\\u0E01-\\u0E4E';
const PREFIX = [
  'องค์การบริหารส่วนตำบล',
  'องค์การบริหารส่วนจังหวัด',
  'เทศบาลนคร',
  'เทศบาลเมือง',
  'เทศบาลตำบล',
  'เทศบาล',
  `(?<![${THAI}])(?:อบต|อบจ|ทต|ทม|ทน)\\.`,
].join('|');
const MENTION = new RegExp(`(${PREFIX})[ ]?([${THAI}]*)`, 'g');

// Words that follow a prefix used generically ("เทศบาลและองค์การบริหารส่วนตำบลทุกแห่ง").
const GENERIC_STARTS = [
  'ทุก',
  'อื่น',
  'ต่าง',
  'ใกล้เคียง',
  'ทั้ง',
  'แห่ง',
  'นี้',
  'และ',
  'หรือ',
  'ใน',
  'ของ',
  'ที่',
  'ซึ่ง',
  'เป็น',
  'ได้',
  'โดย',
  'จะ',
  'มี',
  'ให้',
  'ตาม',
  'เพื่อ',
  'ประจำ',
  'เอง',
  'ว่า',
];
// Words that commonly follow a name written without a space; used only to cut a name for display.
const NAME_ENDS = [
  'ประจำปี',
  'ปีงบประมาณ',
  'โดย',
  'ได้',
  'ซึ่ง',
  'และ',
  'หรือ',
  'เพื่อ',
  'ให้',
  'ของ',
  'จึง',
  'ตาม',
  'เป็น',
  'อำเภอ',
  'จังหวัด',
  'ดังนี้',
  'ว่า',
  'จาก',
  'แล้ว',
  'กับ',
  'ใน',
  'ที่',
];
const MIN_NAME_LENGTH = 2;
const COMPARE_WINDOW = 80;

function cutName(following: string): string {
  let end = following.length;
  for (const word of NAME_ENDS) {
    const at = following.indexOf(word, MIN_NAME_LENGTH);
    if (at >= 0 && at < end) end = at;
  }
  return following.slice(0, end);
}

/** Named local governments in a text; generic uses of a prefix ("อบต. ทุกแห่ง") are left out. */
export function findLocalGovernmentMentions(text: string): LocalGovernmentMention[] {
  const mentions: LocalGovernmentMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const following = match[2] ?? '';
    if (following.length < MIN_NAME_LENGTH || GENERIC_STARTS.some((word) => following.startsWith(word))) continue;
    const after = text.slice(match.index + match[1]!.length, match.index + match[1]!.length + COMPARE_WINDOW);
    mentions.push({
      prefix: match[1]!,
      name: cutName(following),
      following,
      compactFollowing: after.replace(/\s+/g, ''),
      index: match.index,
    });
  }
  return mentions;
}

/** "องค์การบริหารส่วนตำบลบางทรายน้อย" → "บางทรายน้อย": the name without its type, spacing removed. */
export function readCoreName(agencyName: string): string {
  const compact = agencyName.replace(/\s+/g, '');
  const mention = findLocalGovernmentMentions(compact)[0];
  return mention && mention.index === 0 ? mention.following : compact;
}
