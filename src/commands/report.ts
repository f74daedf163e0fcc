import { relative, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { lastCommitBefore, repositoryOf } from '../git/git.js';
import { hasHead, listCommits } from '../git/ledger-walk.js';
import { ledgerHistory } from '../open/ledger-history.js';
import { beijingToday, dateOfEpochDay, epochDay } from '../model/dates.js';
import type { PeriodReport } from '../query/period-report.js';
import { viewContext, type ViewContext } from '../query/view-context.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import { diffLedgers } from '../query/ledger-diff.js';
import { changesFromLedgerDates, leaderReport, type LeaderReport, type RecentChange } from '../query/leader-report.js';
import { ledgerAt } from '../open/ledger-at.js';
import { ledgerAsOf } from '../model/ledger-as-of.js';
import { dateOption } from '../typed-input.js';
import { isFileFormat, type FileFormatName } from '../render/formats.js';
import { writeOutputFile, writeRendered } from './write-output.js';

export interface ReportOptions extends ViewOptions {
  since?: string;
  /** A 调度通报 of a month (2021-10), or with --until of the days from --since to --until. */
  month?: string;
  until?: string;
  output?: string;
  /** html (the default), or a file format such as docx; -o 报告.docx chooses docx too. */
  format?: 'html' | FileFormatName;
}

/** Changes to the ledger committed on or after `since` (author dates), oldest first, then what is not committed yet; undefined when git has no version of it. */
async function changesFromGit(ctx: CommandContext, file: string, root: string, since: string, today: string): Promise<RecentChange[] | undefined> {
  const path = relative(root, resolve(ctx.io.cwd, file)).split('\\').join('/');
  const head = hasHead(root) ? listCommits(root, ['-1', 'HEAD'], path)[0] : undefined;
  if (!head) return undefined;
  // Each commit since the day compared with its own parent: a merge shows only what it decided.
  const out: RecentChange[] = (await ledgerHistory(ctx, root, path, (c) => c.date >= since)).map((e) => ({ date: e.date, who: e.author, commit: e.commit, change: e.change }));
  const load = async (hash: string | undefined) => {
    try {
      return await ledgerAt(ctx, file, root, hash);
    } catch {
      return undefined; // A version that does not parse (say, mid-merge) has nothing to compare.
    }
  };
  const previous = await load(head.hash);
  const working = await load(undefined);
  if (previous && working) for (const change of diffLedgers(previous, working)) out.push({ date: today, who: '（尚未提交）', commit: null, change });
  return out;
}

/** `gongkai report [--as-of D] [--since D] -o 报告.html`: one self-contained HTML page for leaders. */
export async function reportCommand(ctx: CommandContext, options: ReportOptions): Promise<ExitCode> {
  const output = options.output;
  if (!output) throw new UserError('OUTPUT_REQUIRED', '请用 -o 文件 指定报告写到哪里，如 gongkai report -o 报告.html');
  const today = beijingToday(ctx.io.now());
  if (options.month !== undefined || options.until !== undefined) return periodReportCommand(ctx, options, output, today);
  const since = options.since === undefined ? undefined : dateOption(options.since, '--since', { today });
  const report = await viewReport<LeaderReport>(
    ctx,
    options,
    'report',
    async (view) => {
      let recent: LeaderReport['since'] = null;
      if (since) {
        const repo = view.ledger.file === '-' ? undefined : repositoryOf(view.ledger.file, ctx.io.cwd);
        const fromGit = repo && (await changesFromGit(ctx, view.ledger.file, repo.root, since, today));
        // Outside git (or never committed), the ledger's own dates tell what happened.
        recent = fromGit ? { date: since, source: 'git', changes: fromGit } : { date: since, source: 'ledger', changes: changesFromLedgerDates(view, since) };
      }
      return leaderReport(view, recent);
    },
    // Changes since a date come from git, which the ledger's bytes do not identify.
    { remember: !since },
  );
  const format = options.format ?? (/\.docx$/i.test(output) ? 'docx' : 'html');
  if (isFileFormat(format)) {
    await writeRendered(ctx, format, 'report', report, output);
    return ExitCode.Ok;
  }
  const { renderReportHtml } = await import('../render/html/report-page.js');
  const generated = new Date(ctx.io.now().getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  writeOutputFile(ctx, output, renderReportHtml(report, `${generated}（北京时间）`), 'HTML 报告');
  return ExitCode.Ok;
}

/** 2021-10, 2021/10, 2021年10月 → 2021-10. */
function monthOption(text: string): string {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$/.exec(text);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new UserError('OPTION_INVALID', `--month 须为年月，如 2021-10 或 2021年10月；收到「${text}」`);
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

const nextDay = (date: string) => dateOfEpochDay(epochDay(date) + 1);

/**
 * `gongkai report --month 2021-10 -o 通报.docx` (or --since D --until D): the
 * 调度通报 of a period, from the ledger as committed at the end of the period
 * and at the end of the one before (the working file when the period ends today or later).
 */
async function periodReportCommand(ctx: CommandContext, options: ReportOptions, output: string, today: string): Promise<ExitCode> {
  if (options.month !== undefined && (options.since !== undefined || options.until !== undefined)) throw new UserError('OPTIONS_CONFLICT', '--month 与 --since/--until 二选一');
  if (options.month === undefined && options.since === undefined) throw new UserError('OPTIONS_CONFLICT', '--until 须与 --since 一起用，如 --since 2021-10-01 --until 2021-10-31');
  const { periodOf, periodReport } = await import('../query/period-report.js');
  const period = periodOf({
    ...(options.month !== undefined ? { month: monthOption(options.month) } : {}),
    ...(options.since !== undefined ? { since: dateOption(options.since, '--since', { today }) } : {}),
    ...(options.until !== undefined ? { until: dateOption(options.until, '--until', { today }) } : {}),
    today,
  });
  if (period.start > period.end) throw new UserError('OPTION_INVALID', `时段的开始 ${period.start} 晚于结束 ${period.end}`);
  const report = await viewReport<PeriodReport>(
    ctx,
    { ...options, since: undefined, asOf: period.end },
    'period',
    async (view) => {
      const file = view.ledger.file;
      const repo = file === '-' ? undefined : repositoryOf(file, ctx.io.cwd);
      // The ledger as it stood at the end of a day: its last commit on or before that day.
      const at = async (date: string): Promise<ViewContext | undefined> => {
        if (!repo) return undefined;
        const commit = lastCommitBefore(repo.root, repo.path, nextDay(date));
        return commit ? viewContext(ledgerAsOf(await ledgerAt(ctx, file, repo.root, commit), date), { ...view.options, asOf: date }) : undefined;
      };
      const current = period.end >= today ? view : ((await at(period.end)) ?? view);
      return periodReport(current, await at(period.previousEnd), { start: period.start, end: period.end, ...(period.month ? { month: period.month } : {}) });
    },
    { remember: false },
  );
  const format = options.format ?? (/\.docx$/i.test(output) ? 'docx' : 'html');
  if (isFileFormat(format)) {
    await writeRendered(ctx, format, 'period', report, output);
    return ExitCode.Ok;
  }
  const { renderPeriodHtml } = await import('../render/html/period-page.js');
  const generated = new Date(ctx.io.now().getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  writeOutputFile(ctx, output, renderPeriodHtml(report, `${generated}（北京时间）`), 'HTML 调度通报');
  return ExitCode.Ok;
}
