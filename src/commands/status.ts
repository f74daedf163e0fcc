import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import type { DepartmentReport } from '../query/department-report.js';
import type { StatusReport } from '../query/status-report.js';
import { departmentDoc } from '../render/department-doc.js';
import { statusDoc } from '../render/status-doc.js';
import { isFileFormat } from '../render/formats.js';
import { writeRendered } from './write-output.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import { writeView, type ViewFormat } from './view-output.js';

export interface StatusOptions extends ViewOptions {
  dept?: string;
  format: ViewFormat;
  output?: string;
}

/** `gongkai status [--dept NAME]` */
export async function statusCommand(ctx: CommandContext, options: StatusOptions): Promise<ExitCode> {
  const dept = options.dept;
  if (dept) {
    const report = await viewReport<DepartmentReport>(ctx, options, `department:${dept}`, async (view, notes) => {
      const [{ departmentReport }, { requireDepartment }] = await Promise.all([import('../query/department-report.js'), import('./require-department.js')]);
      return departmentReport(view, requireDepartment(view, dept, notes));
    }, {
      fromIndex: async (indexed, notes) => (await import('../index/indexed-lists.js')).indexedDepartment(indexed, dept, notes),
    });
    if (isFileFormat(options.format)) await writeRendered(ctx, options.format, 'department', report, options.output);
    else writeView(ctx, options.format, report, () => departmentDoc(report), options.output);
  } else {
    const report = await viewReport<StatusReport>(ctx, options, 'status', async (view) => (await import('../query/status-report.js')).statusReport(view), {
      fromIndex: async (indexed) => (await import('../index/indexed-status.js')).indexedStatus(indexed),
    });
    if (isFileFormat(options.format)) await writeRendered(ctx, options.format, 'status', report, options.output);
    else writeView(ctx, options.format, report, (bar) => statusDoc(report, bar), options.output);
  }
  return ExitCode.Ok;
}
