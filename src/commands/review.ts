import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { repositoryOf } from '../git/git.js';
import { ledgerHistory } from '../open/ledger-history.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import { changeDate } from '../query/ledger-diff.js';
import type { DatedChange, ReviewReport } from '../query/review-report.js';
import { reviewDoc } from '../render/review-doc.js';
import { writeView } from './view-output.js';
import { writeOutputFile, writeRendered } from './write-output.js';

export type ReviewFormat = 'table' | 'md' | 'json' | 'csv' | 'xlsx' | 'docx' | 'html';

export interface ReviewOptions extends ViewOptions {
  format: ReviewFormat;
  output?: string;
}

/** Every change of the ledger in git, each commit compared with its parent, oldest first, dated by the change itself where it carries a date; undefined outside git. */
async function datedHistory(ctx: CommandContext, file: string): Promise<DatedChange[] | undefined> {
  const repo = file === '-' ? undefined : repositoryOf(file, ctx.io.cwd);
  if (!repo) return undefined;
  const entries = await ledgerHistory(ctx, repo.root, repo.path);
  // A change without a date of its own (已完成 set with its done date) takes the date of its item's dated change in the same commit, else the commit's.
  const datedInCommit = new Map<string, string>();
  for (const e of entries) {
    const own = changeDate(e.change);
    if (own) datedInCommit.set(`${e.commit}|${e.change.item}`, own);
  }
  return entries.map((e) => ({ date: changeDate(e.change) ?? datedInCommit.get(`${e.commit}|${e.change.item}`) ?? e.date, author: e.author, commit: e.commit, change: e.change }));
}

/** `gongkai review`: the 回头看 of the plan year, by department and item, in every view format and as an HTML page. */
export async function reviewCommand(ctx: CommandContext, options: ReviewOptions): Promise<ExitCode> {
  const report = await viewReport<ReviewReport>(
    ctx,
    options,
    'review',
    async (view) => (await import('../query/review-report.js')).reviewReport(view, await datedHistory(ctx, view.ledger.file)),
    // The history comes from git, which the ledger's bytes do not identify.
    { remember: false },
  );
  if (options.format === 'xlsx' || options.format === 'docx') await writeRendered(ctx, options.format, 'review', report, options.output);
  else if (options.format === 'html') {
    const html = (await import('../render/html/doc-page.js')).renderDocHtml(reviewDoc(report));
    if (options.output) writeOutputFile(ctx, options.output, html, 'HTML 回头看');
    else ctx.io.stdout(html);
  } else await writeView(ctx, options.format, report, () => reviewDoc(report), options.output);
  return ExitCode.Ok;
}
