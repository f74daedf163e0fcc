import type { PeriodItem, PeriodReport } from '../query/period-report.js';
import { percent } from './labels.js';
import { chineseDate } from './reminder.js';
import { safeLine } from './safe-text.js';

/** One part of the 调度通报: a heading, its sentences, and an optional table. */
export interface PeriodSection {
  title: string;
  paragraphs: string[];
  table?: { columns: string[]; rows: string[][] };
}

/** 2021年10月, or 2021年10月1日至10月20日. */
export function periodLabel(report: PeriodReport): string {
  const { start, end, month } = report.period;
  if (month) return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
  const endText = start.slice(0, 4) === end.slice(0, 4) ? chineseDate(end).replace(/^\d+年/, '') : chineseDate(end);
  return `${chineseDate(start)}至${endText}`;
}

/** 第 1 项（政策法规司）、第 22 项（信息中心）. */
function itemList(items: readonly PeriodItem[], extra: (item: PeriodItem, index: number) => string = () => ''): string {
  return items
    .map((item, i) => {
      const who = item.departments.length ? item.departments.map(safeLine).join('、') : '';
      const more = extra(item, i);
      const inside = [who, more].filter(Boolean).join('，');
      return `第 ${safeLine(item.number)} 项${inside ? `（${inside}）` : ''}`;
    })
    .join('、');
}

/** Whole percentage points between two completions as shown (so the sentence agrees with the two percentages printed). */
export function pointsBetween(before: number | null, after: number | null): number | null {
  if (before === null || after === null) return null;
  return Math.round(after * 100) - Math.round(before * 100);
}

function change(points: number): string {
  return points > 0 ? `提高 ${points} 个百分点` : points < 0 ? `下降 ${-points} 个百分点` : '持平';
}

/**
 * The report's paragraphs, every one built from the data: a count of 0 says so
 * in words (本期没有…) or leaves its sentence out; no sentence has a blank in it.
 */
export function periodSections(report: PeriodReport): PeriodSection[] {
  const now = report.current.status.totals;
  const before = report.previous?.status.totals;
  const label = periodLabel(report);
  const sections: PeriodSection[] = [];

  const overall = [`截至${chineseDate(report.current.as_of)}，共 ${now.items} 项任务，已完成 ${now.by_status.done} 项${now.completion === null ? '' : `，完成度 ${percent(now.completion)}`}。`];
  if (before && report.previous) {
    const points = pointsBetween(before.completion, now.completion);
    overall.push(
      `上期末（${chineseDate(report.previous.as_of)}）已完成 ${before.by_status.done} 项${before.completion === null ? '' : `，完成度 ${percent(before.completion)}`}${points === null ? '' : `；本期完成度${change(points)}`}。`,
    );
  } else {
    overall.push(`台账的 git 记录中没有${chineseDate(report.period.start)}之前的版本，无从与上期比较。`);
  }
  overall.push(now.overdue ? `目前逾期 ${now.overdue} 项。` : '目前没有逾期的任务。');
  sections.push({ title: '总体进展', paragraphs: overall });

  const done = report.completed;
  sections.push({
    title: '本期完成情况',
    paragraphs: [done.length ? `${label}完成 ${done.length} 项：${itemList(done, (_, i) => (done[i]!.done_on ? `${chineseDate(done[i]!.done_on!)}完成` : ''))}。` : `${label}没有新完成的任务。`],
  });

  const late = report.newly_overdue;
  const postponed = report.postponed;
  const lateParagraphs = [
    late.length ? `本期新增逾期 ${late.length} 项：${itemList(late, (_, i) => `时限${chineseDate(late[i]!.due)}，已逾期 ${late[i]!.days_late} 天`)}。` : '本期没有新增逾期的任务。',
  ];
  if (postponed.length) {
    const items = new Set(postponed.map((p) => p.number)).size;
    const each = postponed.map((p) => `第 ${safeLine(p.number)} 项由${chineseDate(p.from)}延至${chineseDate(p.to)}，理由：${safeLine(p.reason) || '未写明'}，${p.approved_by ? `经${safeLine(p.approved_by)}批准` : '批准人未写明'}`);
    lateParagraphs.push(`本期批准延期 ${postponed.length} 次${items === postponed.length ? '' : `（${items} 项）`}：${each.join('；')}。`);
  } else lateParagraphs.push('本期没有延期的任务。');
  sections.push({ title: '逾期与延期', paragraphs: lateParagraphs });

  const waiting = report.not_started;
  sections.push({
    title: '尚未启动的任务',
    paragraphs: [waiting.length ? `尚未启动 ${waiting.length} 项：${itemList(waiting)}。` : '所有任务均已启动。'],
  });

  if (report.previous) {
    const previous = new Map(report.previous.status.departments.map((d) => [d.name, d]));
    const rows = report.current.status.departments.filter((d) => d.items > 0);
    const changes = rows.map((d) => ({ name: d.name, points: pointsBetween(previous.get(d.name)?.completion ?? null, d.completion) }));
    const up = changes.filter((c) => c.points !== null && c.points > 0);
    const down = changes.filter((c) => c.points !== null && c.points < 0);
    const sentences = [
      up.length ? `完成度提高的部门 ${up.length} 个：${up.map((c) => `${safeLine(c.name)}（${change(c.points!)}）`).join('、')}。` : '本期没有部门的完成度提高。',
      ...(down.length ? [`完成度下降的部门 ${down.length} 个：${down.map((c) => `${safeLine(c.name)}（${change(c.points!)}）`).join('、')}。`] : []),
    ];
    sections.push({
      title: '各部门完成度',
      paragraphs: sentences,
      table: {
        columns: ['部门', '任务', '上期完成度', '本期完成度', '变化'],
        rows: rows.map((d) => {
          const was = previous.get(d.name);
          const points = pointsBetween(was?.completion ?? null, d.completion);
          return [safeLine(d.name), String(d.items), percent(was?.completion ?? null), percent(d.completion), points === null ? '-' : points === 0 ? '0' : `${points > 0 ? '+' : '−'}${Math.abs(points)}`];
        }),
      },
    });
  }

  sections.push({
    title: '报送情况',
    paragraphs: [report.not_reported.length ? `本期未报送进展的部门 ${report.not_reported.length} 个：${report.not_reported.map(safeLine).join('、')}。请以上部门抓紧报送。` : '负有未完成任务的部门本期均已报送进展。'],
  });
  return sections;
}
