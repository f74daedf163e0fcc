import { epochDay, isValidDate } from './dates.js';

/**
 * Dates as people type them on a command line, turned into the one form the
 * ledger keeps (YYYY-MM-DD): 2021-10-08, 2021-10-8, 2021/10/8, 2021.10.8,
 * 20211008, 2021年10月8日, 10月8日 (the plan's year), 今天, 昨天, 前天, 明天.
 * Full-width digits and separators count as their ASCII forms.
 */
export type TypedDate = { date: string } | { error: string };

export interface TypedDateContext {
  /** Today in Beijing, YYYY-MM-DD. */
  today: string;
  /** The plan's year, for a date typed without one (10月8日). */
  planYear?: number;
}

const RELATIVE: Readonly<Record<string, number>> = { 前天: -2, 昨天: -1, 今天: 0, 明天: 1, today: 0, yesterday: -1, tomorrow: 1 };

const FULL_FORMS: readonly RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
];
const MONTH_DAY = /^(\d{1,2})月(\d{1,2})[日号]?$/;

/** The forms named in error messages. */
export const TYPED_DATE_EXAMPLES = '2021-10-08、2021/10/8、20211008、2021年10月8日、10月8日、今天、昨天';

const pad = (n: number) => String(n).padStart(2, '0');

function normalize(text: string): string {
  // NFKC folds ２０２１／１０／８ into 2021/10/8; spaces people leave around separators go.
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** True when the text names a month and day but no year, so the plan's year is needed. */
export function needsPlanYear(text: string): boolean {
  return MONTH_DAY.test(normalize(text));
}

/** Reads a typed date; an error says what forms are understood, or that the day does not exist. */
export function parseTypedDate(text: string, context: TypedDateContext): TypedDate {
  const typed = normalize(text);
  const shift = RELATIVE[typed];
  if (shift !== undefined) return { date: new Date((epochDay(context.today) + shift) * 86_400_000).toISOString().slice(0, 10) };
  let parts: [number, number, number] | undefined;
  for (const form of FULL_FORMS) {
    const match = form.exec(typed);
    if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const monthDay = MONTH_DAY.exec(typed);
  if (!parts && monthDay) parts = [context.planYear ?? Number(context.today.slice(0, 4)), Number(monthDay[1]), Number(monthDay[2])];
  if (!parts) return { error: `「${text}」不是日期；可以写 ${TYPED_DATE_EXAMPLES}` };
  const date = `${String(parts[0]).padStart(4, '0')}-${pad(parts[1])}-${pad(parts[2])}`;
  if (!isValidDate(date)) return { error: `日期「${text}」不存在` };
  return { date };
}
