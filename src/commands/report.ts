import { relative, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { UserError } from '../errors.js';
import { repositoryOf } from '../git/git.js';
import { hasHead, listCommits } from '../git/ledger-walk.js';
import { ledgerHistory } from '../open/ledger-history.js';
import { beijingToday } from '../model/dates.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import { diffLedgers } from '../query/ledger-diff.js';
import { changesFromLedgerDates, leaderReport, type LeaderReport, type RecentChange } from '../query/leader-report.js';
import { ledgerAt } from '../open/ledger-at.js';
import { dateOption } from '../typed-input.js';
import { writeOutputFile } from './write-output.js';

export interface ReportOptions extends ViewOptions {
  since?: string;
  output?: string;
}

/** Changes to the ledger committed on or after `since` (author dates), oldest first, then what is not committed yet; undefined when git has no version of it. */
async function changesFromGit(ctx: CommandContext, file: string, root: string, since: string, today: string): Promise<RecentChange[] | undefined> {
  const path = relative(root, resolve(file)).split('\\').join('/');
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
  const { renderReportHtml } = await import('../render/html/report-page.js');
  const generated = new Date(ctx.io.now().getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  writeOutputFile(ctx, output, renderReportHtml(report, `${generated}（北京时间）`), 'HTML 报告');
  return ExitCode.Ok;
}
