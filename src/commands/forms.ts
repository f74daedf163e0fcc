import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { pathInside, safeFileName } from '../edit/safe-file-name.js';
import { writeFileAtomic } from '../edit/write-file-atomic.js';
import { UserError } from '../errors.js';
import { formOrigin } from './form-origin.js';
import { inRunFolder } from './write-output.js';
import { error, info } from '../diagnostic.js';
import type { FormContent } from '../query/form-items.js';
import { viewReport, type ViewOptions } from '../open/remembered-view.js';
import { formRecordOf, signForm } from './form-key.js';

export interface FormsOptions extends ViewOptions {
  output?: string;
  dept?: string;
  /** List, for the round written to -o DIR, the departments whose forms have not come back. */
  status?: boolean;
}

/**
 * `gongkai forms --status -o DIR`: for each form of the round in DIR, whether
 * the department has reported since the form was made — some item of its form
 * changed in the ledger (collect writes status, dates and notes) — or not yet.
 */
async function roundStatus(ctx: CommandContext, folder: string): Promise<ExitCode> {
  const [{ readdirSync }, { join }, { readForm }, { itemFingerprint }, { openLedgerForView }, { safeLine }] = await Promise.all([
    import('node:fs'),
    import('node:path'),
    import('../read/read-form.js'),
    import('../query/form-items.js'),
    import('../open/open-ledger.js'),
    import('../render/safe-text.js'),
  ]);
  const notes: import('../diagnostic.js').Diagnostic[] = [];
  const { ledger } = await openLedgerForView(ctx, notes);
  for (const note of notes) ctx.warn(note);
  const items = new Map(ledger.items.map((item) => [item.number, item]));
  const files = readdirSync(inRunFolder(ctx, folder)).filter((f) => f.toLowerCase().endsWith('.xlsx')).sort();
  let missing = 0;
  let read = 0;
  for (const file of files) {
    const form = await readForm(readFileSync(join(inRunFolder(ctx, folder), file)));
    if ('refused' in form) {
      ctx.tell(error('FORM_REFUSED', form.refused, { file: join(folder, file) }));
      continue;
    }
    read++;
    const { record } = form;
    const changed = [...record.fingerprints].filter(([number, fingerprint]) => {
      const item = items.get(number);
      return item !== undefined && itemFingerprint(item) !== fingerprint;
    }).length;
    if (changed) continue;
    missing++;
    ctx.io.stdout(`${safeLine(record.department)}　${record.fingerprints.size} 项　表格生成于 ${record.madeOn}，尚未交回\n`);
  }
  ctx.tell(info('FORMS_COUNTED', `${folder} 中 ${read} 份表格：已交回 ${read - missing} 份，未交回 ${missing} 份（以台账中本部门任务在表格生成后是否有更新为准）`));
  return ExitCode.Ok;
}

/** `gongkai forms -o DIR [--dept NAME]`: one progress form (.xlsx) per department that has items. */
export async function formsCommand(ctx: CommandContext, options: FormsOptions): Promise<ExitCode> {
  const output = options.output;
  if (!output) throw new UserError('OUTPUT_REQUIRED', '请用 -o 目录 指定表格写到哪里，如 gongkai forms -o 表格/');
  if (options.status) {
    if (!existsSync(inRunFolder(ctx, output)) || !statSync(inRunFolder(ctx, output)).isDirectory()) throw new UserError('OUTPUT_NOT_FOLDER', `--status 须用 -o 指定这一轮表格所在的目录；「${output}」不是目录`);
    return roundStatus(ctx, output);
  }
  if (existsSync(inRunFolder(ctx, output)) && !statSync(inRunFolder(ctx, output)).isDirectory()) throw new UserError('OUTPUT_NOT_FOLDER', `-o 须指定目录，「${output}」是文件`);
  const dept = options.dept;
  const { forms, file } = await viewReport(
    ctx,
    options,
    `forms:${dept ?? '*'}`,
    async (view, notes) => {
      const [{ formContent }, { requireDepartment }] = await Promise.all([import('../query/form-items.js'), import('./require-department.js')]);
      const departments = dept ? [requireDepartment(view, dept, notes)] : view.ledger.registry.departments;
      return { forms: departments.map((d) => formContent(view, d)), file: view.ledger.file };
    },
    { remember: false },
  );
  const withItems: FormContent[] = forms.filter((f) => f.items.length);
  const origin = formOrigin(file, ctx.io.cwd);
  const { formWorkbookBytes } = await import('../render/xlsx/form-workbook.js');
  mkdirSync(inRunFolder(ctx, output), { recursive: true });
  const used = new Set<string>();
  for (const form of withItems) {
    let name = safeFileName(form.department, '.xlsx');
    for (let n = 2; used.has(name); n++) name = safeFileName(`${form.department}-${n}`, '.xlsx');
    used.add(name);
    writeFileAtomic(pathInside(output, name, ctx.io.cwd), await formWorkbookBytes(form, { ...origin, signature: signForm(ctx, file, formRecordOf(form, origin)) }));
    ctx.io.stdout(`${name}　${form.items.length} 项\n`);
  }
  const skipped = forms.length - withItems.length;
  ctx.tell(info('FORMS_WRITTEN', `已写入 ${withItems.length} 份填报表格到 ${output}${skipped ? `（${skipped} 个部门没有本部门任务，未生成）` : ''}；各部门填好交回后，用 gongkai collect 收回。`));
  return ExitCode.Ok;
}
