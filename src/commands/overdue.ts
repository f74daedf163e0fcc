import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import type { OverdueReport } from '../query/overdue-report.js';
import { overdueDoc } from '../render/overdue-doc.js';
import { isFileFormat } from '../render/formats.js';
import { writeRendered } from './write-output.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import { writeView, type ViewFormat } from './view-output.js';

export interface OverdueOptions extends ViewOptions {
  dept?: string;
  format: ViewFormat;
  failOnOverdue?: boolean;
  output?: string;
}

/** `gongkai overdue`: exit 1 with --fail-on-overdue when anything is overdue. */
export async function overdueCommand(ctx: CommandContext, options: OverdueOptions): Promise<ExitCode> {
  const dept = options.dept;
  // The view's cached answers and its item-by-item shares (open/indexed-view.ts) are kept under this name.
  const sharesView = `overdue:${dept ?? ''}`;
  const report = await viewReport<OverdueReport>(ctx, options, sharesView, async (view, notes) => {
    const [{ overdueReport }, { requireDepartment }] = await Promise.all([import('../query/overdue-report.js'), import('./require-department.js')]);
    return overdueReport(view, dept ? requireDepartment(view, dept, notes) : undefined);
  }, {
    fromIndex: async (indexed, notes) => (await import('../index/indexed-lists.js')).indexedOverdue(indexed, dept, notes, sharesView),
    shares: {
      view: sharesView,
      of: async (view) => {
        const [{ overdueShares }, { requireDepartment }] = await Promise.all([import('../query/overdue-shares.js'), import('./require-department.js')]);
        return overdueShares(view, dept ? requireDepartment(view, dept, []) : undefined);
      },
    },
  });
  if (isFileFormat(options.format)) await writeRendered(ctx, options.format, 'overdue', report, options.output);
  else writeView(ctx, options.format, report, () => overdueDoc(report), options.output);
  return options.failOnOverdue && report.counts.overdue > 0 ? ExitCode.Findings : ExitCode.Ok;
}
