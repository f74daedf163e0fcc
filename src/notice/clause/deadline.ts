/**
 * Deadline words (完成时限) → a date, following DOMAIN.md "Deadline words".
 * The words are always kept verbatim beside the date; what cannot be computed
 * (10个工作日内, 与…同步) comes back as `unknown` and is flagged, never guessed.
 */
import { foldWidth, Gated } from '../text.js';

export type Deadline =
  | { kind: 'date'; /** the last dated step: the unit's due date */ date: string; /** every dated step, in order */ dates: string[]; /** `X月前` read as the end of month X−1 */ inferred: boolean }
  | { kind: 'ongoing' }
  | { kind: 'unknown' };

const CHINESE_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * One pattern for every dated form; the year is optional in front of each, written
 * (2024年) or said from the plan's (次年, 下一年度: the year after the plan's).
 * Groups: 1 year · 2 the next year · 3 month · 4 day · 5 底/末/下旬 · 6 中旬 · 7 上旬 · 8 前 (before month X)
 * · 9 底/末/内 after a year · 10 年底/年末/年内 · 11 上半年/年中 · 12 下半年 · 13 quarter.
 */
const DATE_WORDS =
  /(?:(\d{4})\s*年\s*|(次年|翌年|明年|下一?年度?)\s*)?(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|(底|末|下旬)|(中旬)|(上旬)|份?\s*(前|以前|之前))?|(底|末|内)|(年底|年末|年内)|(上半年|年中)|(下半年)|第?([一二三四1-4])季度)/g;

/** DATE_WORDS tried only on words that could hold a date: every match holds 月, 底, 末, 内, 年 (年底, 上半年 …) or 季. */
const DATES = new Gated(DATE_WORDS, '月底末内年季');

/** Every quarter, month, half-year or week: a recurring time (每年 is the plan's year: a date). */
const RECURRING = /每\s*个?\s*(?:季度|月|半年|周|星期)/;

const ONGOING_WORDS = /长期推进|持续推进|长期坚持|常态化|全年|长期|持续|经常性|每年|定期/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

interface DateMatch {
  date: string;
  inferred: boolean;
  index: number;
  length: number;
}

/** Dates in words typed with full-width digits (２０１９年５月中旬) too; offsets are the words' own. */
function* datesIn(typed: string, planYear: number): Generator<DateMatch> {
  const words = foldWidth(typed);
  if (!DATES.admits(words)) return;
  DATE_WORDS.lastIndex = 0;
  for (let m = DATE_WORDS.exec(words); m; m = DATE_WORDS.exec(words)) {
    if (!m[0]) {
      DATE_WORDS.lastIndex++;
      continue;
    }
    const year = m[1] ? Number(m[1]) : m[2] ? planYear + 1 : planYear;
    let date: string | undefined;
    let inferred = false;
    if (m[3]) {
      const month = Number(m[3]);
      if (month < 1 || month > 12) continue;
      if (m[4]) {
        const day = Number(m[4]);
        if (day < 1 || day > lastDay(year, month)) continue;
        date = iso(year, month, day);
      } else if (m[6]) date = iso(year, month, 20);
      else if (m[7]) date = iso(year, month, 10);
      else if (m[8]) {
        // Before month X: the end of month X−1 — an inference, so it is marked.
        const before = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
        date = iso(before.y, before.m, lastDay(before.y, before.m));
        inferred = true;
      } else date = iso(year, month, lastDay(year, month));
    } else if (m[9]) {
      if (!m[1] && !m[2]) continue; // 底 / 内 alone is not a date (底线, 年内 has its own branch)
      date = iso(year, 12, 31);
    } else if (m[10]) date = iso(year, 12, 31);
    else if (m[11]) date = iso(year, 6, 30);
    else if (m[12]) date = iso(year, 12, 31);
    else if (m[13]) {
      const q = CHINESE_QUARTER[m[13]]!;
      date = iso(year, q * 3, lastDay(year, q * 3));
    } else if (m[1] || m[2]) continue; // a bare year (2020年度, 次年) is not a deadline
    if (date) yield { date, inferred, index: m.index, length: m[0].length };
  }
}

/** Reads deadline words from a label, a column or a clause: `2023年底前完成并长期坚持` → 2023-12-31. */
export function readDeadline(words: string, planYear: number): Deadline {
  // A time that recurs (`7月起每季度首月15日前`, `每月10日前`) has no one date: kept as words, flagged.
  // (`每月公开，持续推进` says it goes on: ongoing.)
  if (RECURRING.test(words)) return ONGOING_WORDS.test(words) ? { kind: 'ongoing' } : { kind: 'unknown' };
  const found = [...datesIn(words, planYear)];
  if (found.length) {
    const dates = found.map((f) => f.date);
    const date = dates.reduce((a, b) => (b > a ? b : a));
    return { kind: 'date', date, dates, inferred: found.some((f) => f.inferred) };
  }
  if (ONGOING_WORDS.test(words)) return { kind: 'ongoing' };
  return { kind: 'unknown' };
}

/**
 * Time words that give no date but are still a 完成时限, never a name:
 * `收到申请后10个工作日内`, `视情况而定`, `与文件同步发布`, `每季度`, `随招随公开` (as each event comes: 随到随办),
 * `清明节前` (a festival's date moves from year to year: kept as words).
 */
const RELATIVE_WORDS = new Gated(
  /\d+\s*个?(?:工作日|自然日|日|天|周|月)(?:内|以内|之内)|视情况|^(?:按|按照|根据)[^,，。]{0,12}(?:时间|时限|时间节点|进度)(?:要求)?(?:公开|发布|完成|报送|开展)?$|根据(?:工作)?(?:需要|进度|情况)|适时|同步(?:公开|发布|完成|进行)?$|^(?:及时|随时|定期|每(?:年|半年|季度|月|周))|(?:^|后)(?:立即|即时)|^随[^,，。随]{1,3}随[^,，。]{1,4}$|^(?:元旦|春节|元宵节?|清明节?|五一|劳动节|端午节?|中秋节?|国庆节?)(?:前|之前|以前)/,
  // Each form in turn holds: a digit, 视, 根 (or opens with 按), 根, 适, 同, 及 随 定 每, 即, 随, 前. Words of names
  // with a role word (…按职责分工负责) are not tried.
  '0123456789视根适同及随定每即前',
  '按',
);

/** The openings of RELATIVE_WORDS that say how often, not by when. */
const RECURRING_OPENING = /^(?:及时|随时|定期|每)/;

/** The words' last comma-separated part (outside brackets), and where its comma stands: `…(A牵头)，11月上旬。` → 11月上旬. */
export function lastCommaPart(words: string): { words: string; comma: number } | undefined {
  const last = /[,，]\s*([^,，。；;()（）]+?)\s*[。；;]?\s*$/.exec(words);
  return last ? { words: last[1]!, comma: last.index } : undefined;
}

/** The words that set a deadline off in a sentence: 于, 要于, 不晚于, 最迟于. */
const LEADING_YU = new Gated(/^\s*(?:(?:要|须|需|应|务必)?于|不晚于|最迟于)/, '于');

/**
 * Ongoing words with at most a verb after them: `长期坚持`, `全年动态调整`, `常态化开展`, a bare `长期` (not 全年度…,
 * not the prose opening 长期以来).
 */
const ONGOING_CORE = '(长期坚持|长期推进|持续推进|常态化|全年|长期(?!以来))(?!度)[\\u4e00-\\u9fa5]{0,4}';
/**
 * Words of manner before ongoing words in a part of their own: `做到全年动态更新`, `并长期坚持`, `确保常态化开展`;
 * a short object may stand between them (`做到信息常态化更新`, `实现政务公开常态化`).
 */
const ONGOING_LEAD = '(?:(?:并且|并|做到|确保|坚持|保持|力争|实现)[\\u4e00-\\u9fa5]{0,4}?)?';
/** The ongoing words as a part of their own (each form of ONGOING_CORE holds 长, 持, 常 or 全). */
const ONGOING_PHRASE = new Gated(new RegExp(`^\\s*${ONGOING_LEAD}${ONGOING_CORE}\\s*$`), '长持常全');

/** True when a clause part is deadline words rather than names: `2021年6月底前完成`, `长期坚持`. */
export function isDeadlineWords(typed: string): boolean {
  if (typed.length > 30) return false;
  const part = foldWidth(typed);
  // `于6月底前完成`, `要于…前`, `不晚于6月30日`, `于每月10日前`: the time set off by 于 is still the deadline.
  const words = LEADING_YU.replace(part, '');
  // A relative time ends the words (收到申请后10个工作日内答复), not task words after it (出台后3个工作日内发布解读材料).
  const relative = RELATIVE_WORDS.exec(words);
  const after = relative ? words.slice(relative.index + relative[0].length) : '';
  // A recurring opening (每季度, 定期) sets a time only with a short rest (`每季度更新一次`, `每月10日前报送`):
  // with a task's words after it (`每季度公开重点排污单位监督性监测结果`) it is the task.
  const recurringTask = relative && relative.index === 0 && RECURRING_OPENING.test(relative[0]) && after.length > 8 && !/\d|前|一次/.test(after);
  const endsTheWords = relative && !recurringTask && (!/\d/.test(relative[0]) || after.length <= 3);
  if (words.length <= 20 && endsTheWords && !/牵头|负责|配合|会同|[处室司局科厅]$/.test(words)) return true;
  if (ONGOING_PHRASE.test(words)) return true;
  const kind = dateWordsKind(words);
  return kind !== undefined && kind !== 'unknown';
}

/** What date words say when they are nothing but date words and words of doing by then (`2021年6月底前完成`). */
function dateWordsKind(typed: string): Deadline['kind'] | undefined {
  const words = foldWidth(typed);
  const rest = DATES.replace(words, '').replace(/前|以前|之前|完成|出台|落实|推进|坚持|开展|并|及时|长期|持续|常态化|全年|[\s,，。]/g, '');
  return rest === '' && words !== '' ? readDeadline(words, 2000).kind : undefined;
}

/**
 * Words that open with a deadline and say what is done by then (`次年1月底前公布上年度数据`,
 * `第四季度末完成考核`, `10月份完成…`), or are deadline words alone: a part that follows a clause.
 */
export function opensWithDeadline(part: string): boolean {
  const words = LEADING_YU.replace(part.trim(), '');
  if (isDeadlineWords(words)) return true;
  const first = datesIn(words, 2000).next();
  if (first.done || first.value.index !== 0) return false;
  const after = words.slice(first.value.length);
  return /前$/.test(words.slice(0, first.value.length)) || COMPLETION.test(after);
}

/**
 * Verbs that say a task is done by a date: `三季度举办…`, `6月中旬上线…`. Deadline
 * words in an item's text count only when such a verb (or 前) follows them.
 */
const COMPLETION = /^(?:份|末|底|内)?(?:前|以前|之前|底前|完成|出台|印发|举办|上线|公开|发布|建成|建立|完善|更新|推行|上报|梳理|清理|整改|评估|开设|启动|开展|召开|组织|实现|制定|修订|编制|报送|提交|推出|开通|部署|形成|公布|落实|办结|召集)/;

/**
 * Ongoing words standing as a deadline in the text: a short phrase of their own
 * (`…，长期坚持。`, `…，全年动态调整。`, at most a verb after them); never inside
 * a task's words (`推进常态化监管`, `全年动态公开某某信息、某某名单`, `持续推进…建设`).
 */
const ONGOING_IN_TEXT = new RegExp(`(?<=^|[,，。;；])\\s*${ONGOING_LEAD}${ONGOING_CORE}(?=\\s*(?:$|[,，。;；]))`, 'g');

/**
 * Deadlines written inside an item's text, as a deadline stands: dated words
 * followed by 前 or by a completion verb (`7月底前印发…`, `6月中旬完成…`,
 * `第三季度举办…`, `年中完成…`), and ongoing words that stand as a phrase.
 * A bare year (2020年度), a relative span (10个工作日内), a date that describes
 * something (`2019年6月出台的办法`) or a recurring one (`每年3月公开`) is never a deadline.
 * Several are joined with `，` (dated steps).
 */
export function deadlineInText(text: string): string | undefined {
  const found: string[] = [];
  for (const m of datesIn(text, 2000)) {
    const end = m.index + m.length;
    const words = text.slice(m.index, end);
    const after = text.slice(end);
    const lead = text.slice(Math.max(0, m.index - 3), m.index);
    if (/每\s*(?:年|个)?$|自$|从$|截至$|截止$/.test(lead)) continue;
    const verb = COMPLETION.exec(after);
    if (!/前$/.test(words) && !verb) continue;
    // `于2019年6月印发` tells when something happened; `于6月底前报送`, `不晚于6月30日完成` set a deadline,
    // and so does a month of the plan's own year with no year written (`预算于3月公开，决算于8月公开`).
    if (/于$/.test(lead) && !/不晚于$|最迟于$/.test(lead) && !/前$/.test(words) && !/^(?:份|末|底)?(?:前|以前|之前|底前)/.test(after) && /\d{4}\s*年/.test(words)) continue;
    // `2019年6月出台的办法`: the date of something, not a deadline.
    if (verb && after[verb[0].length] === '的') continue;
    const before = /^(?:份|末|底)?(?:前|以前|之前|底前)?/.exec(after)?.[0] ?? '';
    found.push(words + before);
  }
  // The text's last part is a deadline and nothing else (`…（A牵头），11月上旬。`): what a clause's deadline part says.
  const lastPart = lastCommaPart(text)?.words;
  if (!found.length && lastPart && dateWordsKind(LEADING_YU.replace(lastPart, '')) === 'date') found.push(lastPart);
  if (!found.length) {
    ONGOING_IN_TEXT.lastIndex = 0;
    for (let m = ONGOING_IN_TEXT.exec(text); m; m = ONGOING_IN_TEXT.exec(text)) found.push(m[0].trim());
  }
  return found.length ? found.join('，') : undefined;
}

/**
 * The dated steps of deadline words that give several dates
 * (`3月印发方案…,9月完成评估…`): each step's date and
 * what it is for, from the words of its own part; the words themselves when they say no more.
 */
export function deadlineSteps(words: string, planYear: number): { due: string; text: string }[] {
  const steps: { due: string; text: string }[] = [];
  for (const segment of words.split(/[,，;；]/)) {
    const found = [...datesIn(segment, planYear)];
    if (found.length !== 1) {
      for (const f of found) steps.push({ due: f.date, text: segment.slice(f.index, f.index + f.length) });
      continue;
    }
    const rest = foldWidth(segment).replace(DATE_WORDS, '').replace(/^(前|以前|之前|底前)/, '').trim();
    steps.push({ due: found[0]!.date, text: rest || segment.trim() });
  }
  return steps;
}

/**
 * Words that say the work never finishes (DOMAIN.md: `全年动态公开`, `密切关注…舆情`): watching and
 * publishing all year round. With no deadline words, such an item is ongoing (持续推进), not due at the year's end.
 */
const CONTINUING_DUTY = /全年动态|(?:密切|持续|实时)(?:关注|跟踪|监测)/;

export function saysContinuingDuty(text: string): boolean {
  return CONTINUING_DUTY.test(text);
}
