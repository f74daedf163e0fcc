import { readRegularFile } from './read-regular-file.js';
import { loadYamlValue as load } from './load-yaml-value.js';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { isValidDate } from '../model/dates.js';
import { warning, type Diagnostic } from '../diagnostic.js';
import type { WorkCalendar } from '../model/work-calendar.js';
import { calendarFiles, displayPath } from './paths.js';

export interface CalendarOverride {
  file: string;
  year: number;
  holidays: string[];
  workdays: string[];
}

/**
 * The State Council holiday schedule as published in the chinese-days package
 * (2004 to its latest year), plus override files for years it does not know yet.
 */
export function builtInCalendar(): { holidays: Map<string, string>; workdays: Set<string>; years: Set<number> } {
  const holidays = new Map<string, string>();
  const years = new Set<number>();
  // One pass over the 600-odd dates of every run that counts working days, run by V8's interpreter: the name cut
  // out between the label's first two commas ("New Year's Day,元旦,1": 元旦), and each year noted as its dates begin.
  let yearPrefix = '';
  const labels = data.holidays as Record<string, string>;
  for (const date in labels) {
    const label = labels[date]!;
    const comma = label.indexOf(',');
    const next = comma < 0 ? -1 : label.indexOf(',', comma + 1);
    holidays.set(date, comma < 0 ? label : label.slice(comma + 1, next < 0 ? label.length : next));
    if (!yearPrefix || !date.startsWith(yearPrefix)) {
      yearPrefix = date.slice(0, 5);
      years.add(Number(date.slice(0, 4)));
    }
  }
  const workdays = new Set(Object.keys(data.workdays as Record<string, string>));
  return { holidays, workdays, years };
}

/** Reads `calendar/*.yaml` beside the ledger: `year`, `holidays: [dates]`, `workdays: [dates]`. A file with a problem is left out, with a finding saying why. */
export function readCalendarOverrides(ledgerFile: string, cwd: string): { overrides: CalendarOverride[]; problems: Diagnostic[] } {
  const overrides: CalendarOverride[] = [];
  const problems: Diagnostic[] = [];
  const problem = (file: string, message: string, path?: (string | number)[]) => problems.push(warning('CALENDAR_INVALID', `${message}；此文件未使用`, { file, ...(path ? { path } : {}) }));
  for (const path of calendarFiles(ledgerFile, cwd)) {
    const file = displayPath(path, cwd);
    try {
      const raw = load(readRegularFile(path).toString('utf8')) as Record<string, unknown> | null;
      const year = raw?.year;
      const dates = (key: string) => (Array.isArray(raw?.[key]) ? (raw![key] as unknown[]).map(String) : []);
      const holidays = dates('holidays');
      const workdays = dates('workdays');
      const isBad = (d: string) => !isValidDate(d) || Number(d.slice(0, 4)) !== year;
      const badAt = (['holidays', 'workdays'] as const).flatMap((key) => dates(key).flatMap((d, index) => (isBad(d) ? [{ key, index, d }] : [])))[0];
      if (typeof year !== 'number') problem(file, '缺少 year（年份）');
      else if (badAt) problem(file, `「${badAt.d}」不是 ${year} 年的有效日期`, [badAt.key, badAt.index]);
      else overrides.push({ file, year, holidays, workdays });
    } catch (cause) {
      problem(file, `无法读取：${String((cause as Error).message).split('\n')[0]}`);
    }
  }
  return { overrides, problems };
}

/** The calendar to count with: built-in years, each overridden whole by a file for that year. */
export function workCalendar(overrides: readonly CalendarOverride[]): WorkCalendar {
  const { holidays, workdays, years } = builtInCalendar();
  const lastBuiltIn = Math.max(...years);
  for (const override of overrides) {
    const prefix = `${override.year}-`;
    for (const date of [...holidays.keys()]) if (date.startsWith(prefix)) holidays.delete(date);
    for (const date of [...workdays]) if (date.startsWith(prefix)) workdays.delete(date);
    override.holidays.forEach((d) => holidays.set(d, '假日'));
    override.workdays.forEach((d) => workdays.add(d));
    years.add(override.year);
  }
  return { years, holidays, workdays, source: `chinese-days（收录至 ${lastBuiltIn} 年）${overrides.length ? ` 与 ${overrides.map((o) => o.file).join('、')}` : ''}` };
}
