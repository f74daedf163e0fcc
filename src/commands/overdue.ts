import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import type { OverdueReport } from '../query/overdue-report.js';
import { isFileFormat } from '../render/formats.js';
import { writeRendered } from './write-output.js';
import { viewReport, viewShown, type ViewOptions, type ViewSources } from '../open/remembered-view.js';
import { shownForm, viewText, writeShown, writeView, type ViewFormat } from './view-output.js';
import type { ViewContext } from '../query/view-context.js';
import type { Diagnostic } from '../diagnostic.js';

export interface OverdueOptions extends ViewOptions {
  dept?: string;
  format: ViewFormat;
  failOnOverdue?: boolean;
  output?: string;
}

/** The report's rows as a table doc; the layout is loaded only when a text is made (a warm run writes the kept one). */
const docOf = async (report: OverdueReport) => (await import('../render/overdue-doc.js')).overdueDoc(report);

/** `gongkai overdue`: exit 1 with --fail-on-overdue when anything is overdue. */
export async function overdueCommand(ctx: CommandContext, options: OverdueOptions): Promise<ExitCode> {
  const dept = options.dept;
  // The view's cached answers and its item-by-item shares (open/indexed-view.ts) are kept under this name.
  const sharesView = `overdue:${dept ?? ''}`;
  const compute = async (view: ViewContext, notes: Diagnostic[]) => {
    const [{ overdueReport }, { requireDepartment }] = await Promise.all([import('../query/overdue-report.js'), import('./require-department.js')]);
    return overdueReport(view, dept ? requireDepartment(view, dept, notes) : undefined);
  };
  const sources: ViewSources<OverdueReport> = {
    fromIndex: async (indexed, notes) => (await import('../index/indexed-lists.js')).indexedOverdue(indexed, dept, notes, sharesView),
    shares: {
      view: sharesView,
      of: async (view) => {
        const [{ overdueShares }, { requireDepartment }] = await Promise.all([import('../query/overdue-shares.js'), import('./require-department.js')]);
        return overdueShares(view, dept ? requireDepartment(view, dept, []) : undefined);
      },
    },
  };
  const format = options.format;
  let overdue: number;
  if (!isFileFormat(format) && !options.output) {
    // Shown on stdout: a warm run writes the text kept from the last one, without reading or drawing the report.
    const form = shownForm(ctx, format);
    const shown = await viewShown(ctx, options, sharesView, compute, sources, {
      form,
      text: (report) => viewText(ctx, format, report, () => docOf(report)),
      facts: (report) => report.counts.overdue,
      // A terminal table after a hand edit: only the changed items' rows drawn (open/drawn-overdue.ts).
      ...(format === 'table'
        ? {
            fromIndex: async (view, notes, at) => {
              const [{ drawnOverdue }, { terminalTableAgain }] = await Promise.all([import('../open/drawn-overdue.js'), import('./terminal-table.js')]);
              return drawnOverdue(ctx, (doc, recording) => terminalTableAgain(ctx, doc, recording), view, dept, notes, sharesView, form, at);
            },
          }
        : {}),
    });
    writeShown(ctx, shown.text);
    overdue = shown.facts;
  } else {
    const report = await viewReport<OverdueReport>(ctx, options, sharesView, compute, sources);
    if (isFileFormat(format)) await writeRendered(ctx, format, 'overdue', report, options.output);
    else await writeView(ctx, format, report, () => docOf(report), options.output);
    overdue = report.counts.overdue;
  }
  return options.failOnOverdue && overdue > 0 ? ExitCode.Findings : ExitCode.Ok;
}
