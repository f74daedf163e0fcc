import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../cli/exit-code.js';
import { overdueReport } from '../query/overdue-report.js';
import { overdueDoc } from '../render/overdue-doc.js';
import { writeView, type ViewFormat } from './status.js';
import { requireDepartment, setUpView, type ViewOptions } from './view-setup.js';

export interface OverdueOptions extends ViewOptions {
  dept?: string;
  format: ViewFormat;
  failOnOverdue?: boolean;
}

/** `gongkai overdue`: exit 1 with --fail-on-overdue when anything is overdue. */
export async function overdueCommand(ctx: CommandContext, options: OverdueOptions): Promise<ExitCode> {
  const view = await setUpView(ctx, options);
  const report = overdueReport(view, options.dept ? requireDepartment(view, options.dept) : undefined);
  writeView(ctx, options.format, report, () => overdueDoc(report));
  return options.failOnOverdue && report.counts.overdue > 0 ? ExitCode.Findings : ExitCode.Ok;
}
