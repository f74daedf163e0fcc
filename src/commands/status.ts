import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../exit-code.js';
import type { DepartmentReport } from '../query/department-report.js';
import type { StatusReport } from '../query/status-report.js';
import { renderCsv } from '../render/csv.js';
import { departmentDoc } from '../render/department-doc.js';
import { renderMarkdown } from '../render/markdown.js';
import { statusDoc } from '../render/status-doc.js';
import { renderTable } from '../render/table.js';
import type { TableDoc } from '../render/table-doc.js';
import { tableWidth, viewReport, type ViewOptions } from './view-setup.js';

export type ViewFormat = 'table' | 'md' | 'json' | 'csv';

export interface StatusOptions extends ViewOptions {
  dept?: string;
  format: ViewFormat;
}

/** Writes a report in the chosen format: JSON from the report itself, the rest from its doc. */
export function writeView(ctx: CommandContext, format: ViewFormat, report: unknown, doc: (bar: boolean) => TableDoc): void {
  const out = {
    json: () => JSON.stringify(report, null, 2) + '\n',
    md: () => renderMarkdown(doc(false)),
    csv: () => renderCsv(doc(false)),
    table: () => renderTable(doc(true), tableWidth(ctx), ctx.out),
  }[format];
  ctx.io.stdout(out());
}

/** `gongkai status [--dept NAME]` */
export async function statusCommand(ctx: CommandContext, options: StatusOptions): Promise<ExitCode> {
  const dept = options.dept;
  if (dept) {
    const report = await viewReport<DepartmentReport>(ctx, options, `department:${dept}`, async (view) => {
      const [{ departmentReport }, { requireDepartment }] = await Promise.all([import('../query/department-report.js'), import('./view-compute.js')]);
      return departmentReport(view, requireDepartment(view, dept));
    });
    writeView(ctx, options.format, report, () => departmentDoc(report));
  } else {
    const report = await viewReport<StatusReport>(ctx, options, 'status', async (view) => (await import('../query/status-report.js')).statusReport(view));
    writeView(ctx, options.format, report, (bar) => statusDoc(report, bar));
  }
  return ExitCode.Ok;
}
