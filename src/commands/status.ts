import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../cli/exit-code.js';
import { departmentReport } from '../query/department-report.js';
import { statusReport } from '../query/status-report.js';
import { renderCsv } from '../render/csv.js';
import { departmentDoc } from '../render/department-doc.js';
import { renderMarkdown } from '../render/markdown.js';
import { statusDoc } from '../render/status-doc.js';
import { renderTable } from '../render/table.js';
import type { TableDoc } from '../render/table-doc.js';
import { requireDepartment, setUpView, tableWidth, type ViewOptions } from './view-setup.js';

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
  const view = await setUpView(ctx, options);
  if (options.dept) {
    const report = departmentReport(view, requireDepartment(view, options.dept));
    writeView(ctx, options.format, report, () => departmentDoc(report));
  } else {
    const report = statusReport(view);
    writeView(ctx, options.format, report, (bar) => statusDoc(report, bar));
  }
  return ExitCode.Ok;
}
