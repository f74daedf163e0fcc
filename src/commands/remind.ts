import { existsSync, mkdirSync, statSync } from 'node:fs';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { pathInside, safeFileName } from '../edit/safe-file-name.js';
import { UserError } from '../errors.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import type { RemindReport } from '../query/remind-report.js';
import { reminderJson, renderReminderMarkdown, renderReminderText } from '../render/reminder.js';
import { writeOutputFile } from './write-output.js';

export type RemindFormat = 'text' | 'md' | 'json';

export interface RemindOptions extends ViewOptions {
  dept?: string;
  format: RemindFormat;
  output?: string;
}

/** Each format of a reminder: its renderer and its file extension. */
const FORMATS: Record<RemindFormat, { render: typeof renderReminderText; extension: string }> = {
  text: { render: renderReminderText, extension: '.txt' },
  md: { render: renderReminderMarkdown, extension: '.md' },
  json: { render: reminderJson, extension: '.json' },
};

/** `gongkai remind [--dept D] [--format text|md|json] [-o DIR]`: one 催办 per department with something to chase. */
export async function remindCommand(ctx: CommandContext, options: RemindOptions): Promise<ExitCode> {
  const dept = options.dept;
  const report = await viewReport<RemindReport>(ctx, options, `remind:${dept ?? ''}`, async (view, notes) => {
    const [{ remindReport }, { requireDepartment }] = await Promise.all([import('../query/remind-report.js'), import('./require-department.js')]);
    return remindReport(view, dept ? requireDepartment(view, dept, notes) : undefined);
  });
  const format = FORMATS[options.format];
  if (!report.reminders.length) {
    ctx.io.stderr(`截至 ${report.as_of}，${dept ? `${dept}没有` : '各部门都没有'}需要催办的任务（逾期、${report.due_soon_days} 个工作日内到期、${report.stale_days} 天无进展）。\n`);
  }
  if (report.unassigned && !dept) {
    ctx.io.stderr(`另有 ${report.unassigned} 项只由未指明的群体（各有关司(局) 等）负责，无从催办；在台账该项的 resolve 中写明部门后即可。\n`);
  }
  if (!options.output) {
    if (options.format === 'json') ctx.io.stdout(JSON.stringify(report, null, 2) + '\n');
    else ctx.io.stdout(report.reminders.map((r) => format.render(report, r)).join('\n' + '-'.repeat(40) + '\n\n'));
    return ExitCode.Ok;
  }
  const folder = options.output;
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new UserError(`-o 须指定目录（每个部门写一个文件），「${folder}」是文件`);
  mkdirSync(folder, { recursive: true });
  for (const reminder of report.reminders) {
    // The file name comes from ledger data: made safe, and refused if it would leave the folder.
    writeOutputFile(ctx, pathInside(folder, safeFileName(reminder.department, format.extension)), format.render(report, reminder), `${reminder.department}的催办`);
  }
  return ExitCode.Ok;
}
