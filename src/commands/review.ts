import { relative, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { fileHistory, repositoryOf } from '../git/git.js';
import type { Ledger } from '../model/ledger.js';
import { ledgerAt } from '../open/ledger-at.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import { diffLedgers, type Change } from '../query/ledger-diff.js';
import type { DatedChange, ReviewReport } from '../query/review-report.js';
import { reviewDoc } from '../render/review-doc.js';
import { writeView } from './view-output.js';
import { writeOutputFile, writeXlsx } from './write-output.js';

export type ReviewFormat = 'table' | 'md' | 'json' | 'csv' | 'xlsx' | 'html';

export interface ReviewOptions extends ViewOptions {
  format: ReviewFormat;
  output?: string;
}

/** The date a change carries itself, when it has one. */
function ownDate(change: Change): string | undefined {
  switch (change.kind) {
    case 'progress':
      return change.entry.date;
    case 'postponed':
    case 'cancelled':
      return change.on;
    case 'done_on':
      return change.to ?? undefined;
    case 'milestone_done':
      return change.done_on;
    default:
      return undefined;
  }
}

/** Every change of the ledger in git, commit by commit (each compared with the one before), oldest first; undefined outside git. */
async function ledgerHistory(ctx: CommandContext, file: string): Promise<DatedChange[] | undefined> {
  const repo = file === '-' ? undefined : repositoryOf(file);
  if (!repo) return undefined;
  const commits = fileHistory(repo.root, relative(repo.root, resolve(file)).split('\\').join('/'));
  if (!commits.length) return undefined;
  const out: DatedChange[] = [];
  let previous: Ledger | undefined;
  for (const commit of commits) {
    let current: Ledger;
    try {
      current = await ledgerAt(ctx, file, repo.root, commit.hash);
    } catch {
      continue; // A version that did not parse has nothing to compare.
    }
    if (previous) for (const change of diffLedgers(previous, current)) out.push({ date: ownDate(change) ?? commit.date, author: commit.author, commit: commit.hash.slice(0, 7), change });
    previous = current;
  }
  return out;
}

/** `gongkai review`: the 回头看 of the plan year, by department and item, in every view format and as an HTML page. */
export async function reviewCommand(ctx: CommandContext, options: ReviewOptions): Promise<ExitCode> {
  const report = await viewReport<ReviewReport>(
    ctx,
    options,
    'review',
    async (view) => (await import('../query/review-report.js')).reviewReport(view, await ledgerHistory(ctx, view.ledger.file)),
    // The history comes from git, which the ledger's bytes do not identify.
    { remember: false },
  );
  if (options.format === 'xlsx') await writeXlsx(ctx, options.output, async () => (await import('../render/xlsx/review-sheets.js')).reviewSheets(report));
  else if (options.format === 'html') {
    const html = (await import('../render/html/doc-page.js')).renderDocHtml(reviewDoc(report));
    if (options.output) writeOutputFile(ctx, options.output, html, 'HTML 回头看');
    else ctx.io.stdout(html);
  } else writeView(ctx, options.format, report, () => reviewDoc(report), options.output);
  return ExitCode.Ok;
}
