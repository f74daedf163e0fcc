import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { pathInside, safeFileName } from '../edit/safe-file-name.js';
import { writeFileAtomic } from '../edit/write-file-atomic.js';
import { UserError } from '../errors.js';
import { info } from '../diagnostic.js';
import { viewReport, viewShown, type ViewOptions } from '../open/remembered-view.js';
import type { ViewContext } from '../query/view-context.js';
import type { Diagnostic } from '../diagnostic.js';
import type { DepartmentReport } from '../query/department-report.js';
import type { Section } from '../model/ledger.js';
import { writeShown } from './view-output.js';
import { FILE_FORMATS, isFileFormat, type FileFormatName } from '../render/formats.js';
import { inRunFolder, renderedBytes } from './write-output.js';

export interface ChecklistOptions extends ViewOptions {
  dept?: string;
  all?: boolean;
  output?: string;
  /** md (the default), or a file format such as docx; -o 清单.docx chooses docx too. */
  format?: 'md' | FileFormatName;
}

/** What the checklists of one run are made from. */
interface Checklists {
  reports: DepartmentReport[];
  sections: Section[];
  title: string;
  issuer: string | null;
  asOf: string;
}

const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** `gongkai checklist --dept NAME | --all [-o FILE|DIR]` */
export async function checklistCommand(ctx: CommandContext, options: ChecklistOptions): Promise<ExitCode> {
  if (!options.dept === !options.all) throw new UserError('OPTIONS_CONFLICT', '请用 --dept 部门 指定一个部门，或用 --all 生成全部部门的清单（二者选一）');
  const dept = options.dept;
  const view = `checklist:${dept ?? '*'}`;
  const compute = async (context: ViewContext, notes: Diagnostic[]): Promise<Checklists> => {
    const [{ departmentReport }, { requireDepartment }] = await Promise.all([import('../query/department-report.js'), import('./require-department.js')]);
    return {
      reports: dept ? [departmentReport(context, requireDepartment(context, dept, notes))] : context.ledger.registry.departments.map((d) => departmentReport(context, d)),
      sections: context.ledger.sections,
      title: context.ledger.plan.title,
      issuer: context.ledger.plan.issuer ?? null,
      asOf: context.asOf,
    };
  };
  const format = options.format ?? (options.output && /\.docx$/i.test(options.output) ? 'docx' : 'md');
  const render = () => import('../render/checklist.js');
  if (dept && !options.output && !isFileFormat(format)) {
    // One department's list on stdout: a warm run writes the text kept from the last one.
    const shown = await viewShown(ctx, options, view, compute, {}, { form: 'md', text: async ({ reports, sections }) => (await render()).renderChecklist(reports[0]!, sections), facts: () => null });
    writeShown(ctx, shown.text);
    return ExitCode.Ok;
  }
  // Every department's full report is large; --all writes files rather than answering a quick question.
  const { reports, sections, title, asOf, issuer } = await viewReport(ctx, options, view, compute, { remember: Boolean(dept) });
  // Where -o points, from the run's folder; messages keep the name as typed.
  const out = options.output === undefined ? undefined : inRunFolder(ctx, options.output);
  if (isFileFormat(format)) {
    const extension = FILE_FORMATS[format].extension;
    const bytes = (report: (typeof reports)[number]) => renderedBytes(format, 'checklist', { report, sections, issuer });
    if (!options.output) throw new UserError('OUTPUT_REQUIRED', `--format ${format} 须用 -o 指定文件或目录，如 -o 清单${extension}`);
    if (dept && !isDirectory(out!)) {
      writeFileAtomic(out!, await bytes(reports[0]!));
      ctx.tell(info('FILE_WRITTEN', `已写入 ${options.output}`));
      return ExitCode.Ok;
    }
    if (existsSync(out!) && !isDirectory(out!)) throw new UserError('OUTPUT_NOT_FOLDER', `--all -o 须指定目录，「${options.output}」是文件`);
    mkdirSync(out!, { recursive: true });
    const used = new Set<string>();
    for (const report of reports) {
      let file = safeFileName(report.department.name, extension);
      for (let n = 2; used.has(file); n++) file = safeFileName(`${report.department.name}-${n}`, extension);
      used.add(file);
      writeFileAtomic(pathInside(out!, file, ctx.io.cwd), await bytes(report));
    }
    ctx.tell(info('FILE_WRITTEN', `已写入 ${reports.length} 个部门的清单（${FILE_FORMATS[format].what}）到 ${options.output}`));
    return ExitCode.Ok;
  }
  const { renderChecklist, renderChecklistIndex } = await render();
  if (dept) {
    const report = reports[0]!;
    const text = renderChecklist(report, sections);
    if (!options.output) ctx.io.stdout(text);
    else {
      const name = isDirectory(out!) ? safeFileName(report.department.name, '.md') : undefined;
      writeFileAtomic(name ? pathInside(out!, name, ctx.io.cwd) : out!, text);
      ctx.tell(info('FILE_WRITTEN', `已写入 ${name ? join(options.output, name) : options.output}`));
    }
    return ExitCode.Ok;
  }
  if (!options.output) {
    ctx.io.stdout(reports.map((r) => renderChecklist(r, sections)).join('\n---\n\n'));
    return ExitCode.Ok;
  }
  if (existsSync(out!) && !isDirectory(out!)) throw new UserError('OUTPUT_NOT_FOLDER', `--all -o 须指定目录，「${options.output}」是文件`);
  mkdirSync(out!, { recursive: true });
  const used = new Set<string>();
  const entries = reports.map((report) => {
    let file = safeFileName(report.department.name, '.md');
    for (let n = 2; used.has(file) || file === 'index.md'; n++) file = safeFileName(`${report.department.name}-${n}`, '.md');
    used.add(file);
    writeFileAtomic(pathInside(out!, file, ctx.io.cwd), renderChecklist(report, sections, { possibleIn: 'index.md' }));
    return { report, file };
  });
  writeFileAtomic(pathInside(out!, 'index.md', ctx.io.cwd), renderChecklistIndex(title, asOf, entries));
  ctx.tell(info('FILE_WRITTEN', `已写入 ${entries.length} 个部门的清单和 index.md 到 ${options.output}`));
  return ExitCode.Ok;
}
