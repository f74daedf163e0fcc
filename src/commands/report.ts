import { relative, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { fileHistory, repositoryOf } from '../git/git.js';
import { beijingToday } from '../model/dates.js';
import type { Ledger } from '../model/ledger.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import { diffLedgers } from '../query/ledger-diff.js';
import { changesFromLedgerDates, leaderReport, type LeaderReport, type RecentChange } from '../query/leader-report.js';
import { ledgerAt } from '../open/ledger-at.js';
import { dateOption } from '../typed-input.js';
import { isFileFormat, type FileFormatName } from '../render/formats.js';
import { writeOutputFile, writeRendered } from './write-output.js';

export interface ReportOptions extends ViewOptions {
  since?: string;
  output?: string;
  /** html (the default), or a file format such as docx; -o 报告.docx chooses docx too. */
  format?: 'html' | FileFormatName;
}

/** Changes to the ledger committed on or after `since` (author dates), oldest first, then what is not committed yet; undefined when git has no version of it. */
async function changesFromGit(ctx: CommandContext, file: string, root: string, since: string, today: string): Promise<RecentChange[] | undefined> {
  const commits = fileHistory(root, relative(root, resolve(file)).split('\\').join('/'));
  if (!commits.length) return undefined;
  const first = commits.findIndex((c) => c.date >= since);
  const out: RecentChange[] = [];
  let previous: Ledger | undefined;
  const load = async (hash: string | undefined) => {
    try {
      return await ledgerAt(ctx, file, root, hash);
    } catch {
      return undefined; // A version that does not parse (say, mid-merge) has nothing to compare.
    }
  };
  if (first >= 0) {
    previous = first > 0 ? await load(commits[first - 1]!.hash) : undefined;
    for (const commit of commits.slice(first)) {
      const current = await load(commit.hash);
      if (!current) continue;
      if (previous) for (const change of diffLedgers(previous, current)) out.push({ date: commit.date, who: commit.author, commit: commit.hash.slice(0, 7), change });
      previous = current;
    }
  } else if (commits.length) {
    previous = await load(commits[commits.length - 1]!.hash);
  }
  const working = await load(undefined);
  if (previous && working) for (const change of diffLedgers(previous, working)) out.push({ date: today, who: '（尚未提交）', commit: null, change });
  return out;
}

/** `gongkai report [--as-of D] [--since D] -o 报告.html`: one self-contained HTML page for leaders. */
export async function reportCommand(ctx: CommandContext, options: ReportOptions): Promise<ExitCode> {
  const output = options.output;
  if (!output) throw new UserError('请用 -o 文件 指定报告写到哪里，如 gongkai report -o 报告.html');
  const today = beijingToday(ctx.io.now());
  const since = options.since === undefined ? undefined : dateOption(options.since, '--since', { today });
  const report = await viewReport<LeaderReport>(
    ctx,
    options,
    'report',
    async (view) => {
      let recent: LeaderReport['since'] = null;
      if (since) {
        const repo = view.ledger.file === '-' ? undefined : repositoryOf(view.ledger.file);
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
