import { toSimplified } from './clause/traditional.js';
import { foldWidth, joinLines, numeralValue } from './text.js';

/** What a notice's header says about the plan. */
export interface NoticeHeader {
  title?: string;
  planTitle?: string;
  issuer?: string;
  documentNumber?: string;
  issuedOn?: string;
  year?: number;
  /** The year was not in the title nor the signature's date (a web page's upload date): the user is asked to check it. */
  yearGuessed?: boolean;
  /** With no year in the title nor the signature: the dated words of the text the year was read from (2022年11月底前). */
  yearFromDates?: string;
  /** The last year of a plan for several years (2016-2020年): its items' default deadline. */
  lastYear?: number;
  preamble?: string;
}

const pad = (s: string) => s.padStart(2, '0');

/** `民办便函[2021]648号`, `辽民办函〔2020〕111号`: the issuer's short name must not run into the title (的通知…). */
const DOCUMENT_NUMBER = /(?:^|[\s》:：\]])([\u4e00-\u9fa5]{0,10}?)[ \t\u3000]*[[〔［(【](\d{4})[\]〕］)】]\s*(\d+)\s*号/m;
/** A line that is a document number and nothing else (`某政办〔2026〕12号`, `〔2026〕12号`). */
const NUMBER_LINE = /^[\u4e00-\u9fa5]{0,10}\s*[[〔［(【]\d{4}[\]〕］)】]\s*\d+\s*号$/;

/** Page metadata written as `发布机构: …` or `[发文机构] …`. */
function metadata(lines: string[], keys: RegExp): string | undefined {
  for (const line of lines) {
    const m = /^\s*(?:\d+\.\s*)?\[?([\u4e00-\u9fa5 ]{2,8})\]?\s*[:：]?\s*(.*)$/.exec(line);
    if (m && keys.test(m[1]!.replace(/\s+/g, '')) && m[2]!.trim() && /[:：\]]/.test(line)) return m[2]!.trim();
  }
  return undefined;
}

function isoDate(text: string): string | undefined {
  const m = /(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  if (!m) return undefined;
  return `${m[1] ?? m[4]}-${pad(m[2] ?? m[5]!)}-${pad(m[3] ?? m[6]!)}`;
}

/** An organisation's name: ends like one, and is not an addressee line (…各成员单位:). */
const ORGANISATION = /^[\u4e00-\u9fa5()（）]{2,30}(厅|局|部|委|委员会|办公室|办公厅|政府|小组|中心|院|署|会)$/;

/**
 * Reads the header of a notice: the words before its first section or item.
 * Metadata lines and the signature line count (a cover notice's at the top, else
 * the closing signature after the body, `closingText`); the addressee line (ending in
 * a colon) never becomes the issuer, and a year is never guessed.
 */
export function readHeader(headText: string, closingText = ''): NoticeHeader {
  const reading = toSimplified(headText);
  const header = readSimplifiedHeader(reading, closingSignature(closingText));
  if (reading === headText || reading.length !== headText.length) return header;
  // Traditional script: read in Simplified, but keep the words as the notice writes them.
  const original = joinLines(headText);
  const joined = joinLines(reading);
  const asWritten = (value: string | undefined) => {
    const at = value === undefined ? -1 : joined.indexOf(value);
    return at < 0 ? value : original.slice(at, at + value!.length);
  };
  return { ...header, ...(['title', 'planTitle', 'issuer', 'preamble'] as const).reduce((out, key) => (header[key] ? { ...out, [key]: asWritten(header[key]) } : out), {}) };
}

function readSimplifiedHeader(reading: string, closing: ClosingSignature): NoticeHeader {
  const lines = reading.split('\n').map((l) => l.trim()).filter(Boolean);
  const head = joinLines(reading);
  const foldedHead = foldWidth(head);

  // The cover's own title is a line of its own ending in 的通知; a 《》 quoted in a preamble sentence is not.
  const title =
    lines.map((l) => l.replace(/\s+/g, '')).find((l) => l.length <= 80 && /^[^,，。:：]{2,}的通知$/.test(l) && !/^[(（]/.test(l)) ??
    // A page flattened into one line: the title opens it.
    /^\s*([^,，。:：\n]{2,80}?的通知)/.exec(head)?.[1];
  // The plan's own heading: the 《》 of the cover title, the page's 名称, or a title line of its own.
  // (A page's 标题 that is the cover's title, …的通知, names the cover, not the plan.)
  const named = metadata(lines, /^(名称|标题)$/);
  const planTitle =
    /《([^》]+)》/.exec(title ?? '')?.[1] ?? (named && !/的通知$/.test(named) ? named : undefined) ?? plainTitle(lines) ?? flattenedTitle(head) ?? QUOTED_NOT_CITED.exec(head)?.[1] ??
    // A cover title without 《》 names the plan all the same: `…关于印发某区2027年…任务分工的通知`.
    /关于印发(.+?)的通知$/.exec(title ?? '')?.[1];
  let issuer = title ? /^(.+?)关于/.exec(title)?.[1] : undefined;
  issuer ??= metadata(lines, /^(发布机构|发文机构|发文单位|发布单位|发文机关|发布机关|印发机关|制发机关)$/);
  // The signature may share its line with the date or the document number (cells of one row of a sheet, a line set with blanks).
  const signing = signatureLines(lines);
  issuer ??= signature(signing) ?? closing.issuer;
  const numberMatch = DOCUMENT_NUMBER.exec(foldWidth(lines.join('\n')));
  const documentNumber = numberMatch && !/通知|印发/.test(numberMatch[1]!) ? `${numberMatch[1]}〔${numberMatch[2]}〕${numberMatch[3]}号` : undefined;
  // The document's own date (成文日期, the date under the signature) before the web page's publication date.
  const signed = isoDate(arabicDate(foldWidth(metadata(lines, /^(成文日期|发文日期|印发日期)$/) ?? '').replace(/\s+/g, ''))) ?? signatureDate(signing) ?? closing.issuedOn;
  const issuedOn = signed ?? isoDate(metadata(lines, /^(发布日期|发布时间)$/) ?? '') ?? isoDate(foldedHead);
  const range = /(\d{4})\s*[-—–~至]\s*(\d{4})\s*年/.exec(foldWidth(planTitle ?? ''));
  const titleYear = range?.[1] ?? /(\d{4})\s*年/.exec(foldWidth(planTitle ?? ''))?.[1];
  // The year comes from the plan's title or the date it was signed; one read from a web page's
  // upload date or a date in the text is said to be a guess.
  const yearText = titleYear ?? issuedOn?.slice(0, 4);
  const yearGuessed = !titleYear && !signed && yearText !== undefined;

  // The preamble follows the plan's title repeated above the body, as a title: not the cover notice's mention of
  // it in a sentence (现将《…》印发给你们, …，由某办公厅印发).
  let preamble: string | undefined;
  if (planTitle) {
    const repeated = repeatedTitle(head, planTitle);
    if (repeated > head.indexOf(planTitle)) preamble = head.slice(repeated + planTitle.length).trim() || undefined;
  }
  return {
    ...(title ? { title } : {}),
    ...(planTitle ? { planTitle } : {}),
    ...(issuer ? { issuer } : {}),
    ...(documentNumber ? { documentNumber } : {}),
    ...(issuedOn ? { issuedOn } : {}),
    ...(yearText ? { year: Number(yearText) } : {}),
    ...(yearGuessed ? { yearGuessed } : {}),
    ...(range && Number(range[2]) > Number(range[1]) ? { lastYear: Number(range[2]) } : {}),
    ...(preamble ? { preamble } : {}),
  };
}

/** Where the plan's title last stands as a title of its own: not quoted (《…》, “…”), nor run on into a sentence (…，由…印发; …的通知). */
function repeatedTitle(head: string, planTitle: string): number {
  for (let at = head.lastIndexOf(planTitle); at > 0; at = head.lastIndexOf(planTitle, at - 1)) {
    const after = head.slice(at + planTitle.length).trimStart();
    if (!/[《“"「]$/.test(head.slice(0, at).trimEnd()) && !/^[》”"」，,。、的)）]/.test(after)) return at;
  }
  return -1;
}

/** A 《》 in the header (`现将《…》印发给你们`), not one a sentence cites as its ground (根据《…》, 按照《…》). */
const QUOTED_NOT_CITED = /(?<!根据|按照|依据|贯彻|落实|对照|参照)《([^》]+)》/;
/** The words a plan's own title ends in (要点, 实施方案, 任务分工, 分解表, 台账…). */
const PLAN_TITLE_END = '(?:要点|方案|分工|任务|清单|台账|计划|安排|表)';
/** Where a preamble's first sentence opens: 根据…, 为…, 按照…, a 《》 quoted, or a blank (a paragraph's indent). */
const PREAMBLE_OPENING = '(?:[\\s\u3000]|根据|依据|按照|为了?|结合|《)';
/**
 * A page copied onto one line (`某市2019年政务公开工作要点 根据《…》，…`): the title is the first words,
 * after the line's start or a blank, that end in a plan-title word right before the preamble's opening
 * (or the body, when there is no preamble) and carry the year. (A 《》 quoted in the preamble names
 * another document, never this plan.)
 */
const FLATTENED_TITLE = new RegExp(`(?:^|[\\s\u3000])([^\\s\u3000,，。;；:：《》<>＜＞»›]{2,60}?${PLAN_TITLE_END})(?=${PREAMBLE_OPENING}|$)`, 'g');

function flattenedTitle(head: string): string | undefined {
  FLATTENED_TITLE.lastIndex = 0;
  for (let m = FLATTENED_TITLE.exec(head); m; m = FLATTENED_TITLE.exec(head)) {
    if (/\d{4}\s*年/.test(foldWidth(m[1]!))) return m[1];
  }
  return undefined;
}

/** A line that reads as a plan's title: …工作要点…, …任务分工…, …台账, …实施方案, …三年行动方案, …任务清单, …工作安排 (not the cover's …的通知 that names it, nor a breadcrumb 首页>…>工作要点). */
function plainTitle(lines: string[]): string | undefined {
  return lines.map((l) => l.replace(/\s*\|$/, '').replace(/\s+/g, '')).find((l) => l.length <= 60 && !/[:：。,，《》]/.test(l) && /(要点|方案|任务分工|分工表|台账|重点任务|(?:任务|工作|责任)清单|工作(?:计划|安排))/.test(l) && !/[:：]$/.test(l) && !/的通知$/.test(l) && !/[>＞»›]/.test(l));
}

/**
 * The date under the signature: `2020年8月24日`, or with its 年月日 lost on a web page
 * (`2020824`) when only one reading is a real date.
 */
function signatureDate(lines: string[]): string | undefined {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!ORGANISATION.test(lines[i]!)) continue;
    const line = arabicDate(foldWidth(lines[i + 1]!).replace(/\s+/g, ''));
    const written = isoDate(line);
    if (written) return written;
    const digits = /^(\d{4})(\d{2,4})$/.exec(line);
    if (!digits) continue;
    const year = Number(digits[1]);
    const rest = digits[2]!;
    const readings = [1, 2]
      .map((m) => ({ month: Number(rest.slice(0, m)), day: Number(rest.slice(m)) }))
      .filter(({ month, day }) => rest.length - 1 >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate());
    if (readings.length === 1) return `${year}-${pad(String(readings[0]!.month))}-${pad(String(readings[0]!.day))}`;
  }
  return undefined;
}

/**
 * Lines as a signature is looked for in them: words set apart by blanks are lines of their own
 * (`某市人民政府办公室　2026年3月5日`), and a document number standing between the name and the date is passed over.
 */
function signatureLines(lines: string[]): string[] {
  return lines.map(unbracketed).flatMap((line) => (ORGANISATION.test(line.split(/[\s\u3000]+/)[0]!) ? line.split(/[\s\u3000]+/) : [line])).filter((line) => !NUMBER_LINE.test(foldWidth(line)));
}

/** A signature line in brackets, as a print note writes it: `(南京海关办公室 2020年3月20日印发)` → its words (brackets inside kept). */
const BRACKETED_LINE = /^\s*[(（]((?:[^()（）]|[(（][^()（）]*[)）])*)[)）]\s*$/;
function unbracketed(line: string): string {
  return BRACKETED_LINE.exec(line)?.[1]!.trim() ?? line;
}

/** A sheet's cells above its table, a line each: a label cell (`文号：`) and the value after it make one line, as a text writes them. */
export function headerCellLines(cells: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const label = /^[\u4e00-\u9fa5 ]{2,8}\s*[:：]$/.test(cells[i]!) && cells[i + 1] !== undefined && !/[:：]$/.test(cells[i + 1]!);
    lines.push(label ? `${cells[i]}${cells[++i]}` : cells[i]!);
  }
  return lines;
}

/** The signature: an organisation's name on the line right before a date. */
function signature(lines: string[]): string | undefined {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (ORGANISATION.test(lines[i]!) && /^\d{4}(年|-|\d)/.test(arabicDate(foldWidth(lines[i + 1]!).trim()))) return lines[i]!;
  }
  return undefined;
}

interface ClosingSignature {
  issuer?: string;
  issuedOn?: string;
}

/** A signature's date on its own: `2019年1月10日`, a print note's (`2019年1月10日印发`), or only its month (`2022年3月`, no day to give). */
const SIGNATURE_DATE = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:印发)?$/;
/** The same in Chinese numerals, as a formal signature writes it: `二〇一九年一月十日`. */
const CHINESE_DATE = /^([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?(印发)?$/;
const YEAR_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** `二〇一九年一月十日` → `2019年1月10日`; other words as they are. */
function arabicDate(words: string): string {
  const m = CHINESE_DATE.exec(words);
  if (!m) return words;
  const year = [...m[1]!].map((c) => YEAR_DIGIT[c]).join('');
  return `${year}年${numeralValue(m[2]!)}月${m[3] ? `${numeralValue(m[3])}日` : ''}${m[4] ?? ''}`;
}

/**
 * The signature (落款) after the body: an organisation's name right before a date, each on its own line
 * or — in a copy flattened onto one line — set off by blanks. The date is the notice's only when it is
 * a full date; a month alone (2022年3月) still marks the line before it as the issuer.
 */
function closingSignature(closingText: string): ClosingSignature {
  const pieces = closingText.split('\n').map(unbracketed).join('\n').split(/[\s\u3000]+/).filter(Boolean);
  // The first one: the signature proper comes before a print note's (版记: `…办公室 2019年1月12日印发`).
  for (let i = 0; i + 1 < pieces.length; i++) {
    const date = SIGNATURE_DATE.exec(arabicDate(foldWidth(pieces[i + 1]!)));
    if (!date || !ORGANISATION.test(toSimplified(pieces[i]!))) continue;
    const month = Number(date[2]);
    const day = Number(date[3] ?? 0);
    const real = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(date[1]), month, 0)).getUTCDate();
    return { issuer: pieces[i]!, ...(real ? { issuedOn: `${date[1]}-${pad(date[2]!)}-${pad(date[3]!)}` } : {}) };
  }
  return {};
}
