import { existsSync, mkdirSync, statSync } from 'node:fs';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { pathInside, safeFileName } from '../edit/safe-file-name.js';
import { info, warning } from '../diagnostic.js';
import { UserError } from '../errors.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import type { Reminder, RemindReport } from '../query/remind-report.js';
import { FILE_FORMATS, isFileFormat, type FileFormatName } from '../render/formats.js';
import { reminderJson, renderReminderMarkdown, renderReminderText } from '../render/reminder.js';
import { inRunFolder, renderedBytes, writeOutputFile } from './write-output.js';
import { renderJson } from '../render/json.js';

type TextFormat = 'text' | 'md' | 'json';
export type RemindFormat = TextFormat | FileFormatName;

export interface RemindOptions extends ViewOptions {
  dept?: string;
  format: RemindFormat;
  output?: string;
}

/** Each text format of a reminder: its renderer and its file extension; file formats (docx) come from the renderer map. */
const FORMATS: Record<TextFormat, { render: typeof renderReminderText; extension: string }> = {
  text: { render: renderReminderText, extension: '.txt' },
  md: { render: renderReminderMarkdown, extension: '.md' },
  json: { render: reminderJson, extension: '.json' },
};

/** `gongkai remind [--dept D] [--format text|md|json|docx] [-o DIR]`: one 催办 per department with something to chase. */
export async function remindCommand(ctx: CommandContext, options: RemindOptions): Promise<ExitCode> {
  const dept = options.dept;
  const report = await viewReport<RemindReport>(ctx, options, `remind:${dept ?? ''}`, async (view, notes) => {
    const [{ remindReport }, { requireDepartment }] = await Promise.all([import('../query/remind-report.js'), import('./require-department.js')]);
    const report = remindReport(view, dept ? requireDepartment(view, dept, notes) : undefined);
    // Kept with the report, so a remembered one says it too.
    if (report.unassigned && !dept) notes.push(warning('UNASSIGNED_ITEMS', `另有 ${report.unassigned} 项只由未指明的群体（各有关司(局) 等）负责，无从催办；在台账该项的 resolve 中写明部门后即可。`, { file: view.ledger.file }));
    return report;
  });
  if (report.office) {
    const own = report.office;
    const counts = [own.overdue && `逾期 ${own.overdue} 项`, own.due_soon && `临期 ${own.due_soon} 项`, own.stale && `久未更新 ${own.stale} 项`].filter(Boolean).join('、');
    ctx.tell(info('OFFICE_NOT_REMINDED', `${own.department}统筹协调、发出催办，不给自己写催办；它自己负责的任务中${counts}，请用 gongkai overdue --dept ${own.department} 查看并自行督办。`));
  }
  if (!report.reminders.length && !(dept && report.office)) {
    ctx.tell(info('NOTHING_TO_REMIND', `截至 ${report.as_of}，${dept ? `${dept}没有` : '各部门都没有'}需要催办的任务（逾期、${report.due_soon_days} 个工作日内到期、${report.stale_days} 天无进展）。`));
  }
  const fileFormat = isFileFormat(options.format) ? options.format : undefined;
  const text = fileFormat ? undefined : FORMATS[options.format as TextFormat];
  const render = async (reminder: Reminder): Promise<string | Uint8Array> => (fileFormat ? renderedBytes(fileFormat, 'reminder', { report, reminder }) : text!.render(report, reminder));
  const extension = fileFormat ? FILE_FORMATS[fileFormat].extension : text!.extension;
  if (!options.output) {
    if (fileFormat) throw new UserError('OUTPUT_REQUIRED', `--format ${fileFormat} 须用 -o 目录 指定写到哪里（每个部门一个文件），如 -o 催办/`);
    if (options.format === 'json') ctx.io.stdout(renderJson(report));
    else ctx.io.stdout(report.reminders.map((r) => text!.render(report, r)).join('\n' + '-'.repeat(40) + '\n\n'));
    return ExitCode.Ok;
  }
  const folder = options.output;
  const isFolder = existsSync(inRunFolder(ctx, folder)) && statSync(inRunFolder(ctx, folder)).isDirectory();
  // One department's letter may go straight to a file named like one (-o 信息中心.docx).
  if (report.reminders.length === 1 && !isFolder && folder.toLowerCase().endsWith(extension)) {
    writeOutputFile(ctx, folder, await render(report.reminders[0]!), `${report.reminders[0]!.department}的催办`);
    return ExitCode.Ok;
  }
  if (existsSync(inRunFolder(ctx, folder)) && !isFolder) throw new UserError('OUTPUT_NOT_FOLDER', `-o 须指定目录（每个部门写一个文件），「${folder}」是文件`);
  mkdirSync(inRunFolder(ctx, folder), { recursive: true });
  for (const reminder of report.reminders) {
    // The file name comes from ledger data: made safe, and refused if it would leave the folder.
    writeOutputFile(ctx, pathInside(folder, safeFileName(reminder.department, extension), ctx.io.cwd), await render(reminder), `${reminder.department}的催办`);
  }
  return ExitCode.Ok;
}
