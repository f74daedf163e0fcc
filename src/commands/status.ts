import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import { isFileFormat, type Renderable } from '../render/formats.js';
import { writeRendered } from './write-output.js';
import { viewReport, viewShown, type ViewOptions, type ViewSources } from '../open/remembered-view.js';
import type { ViewContext } from '../query/view-context.js';
import type { Diagnostic } from '../diagnostic.js';
import { shownForm, viewText, writeShown, writeView, type DocOf, type ViewFormat } from './view-output.js';

export interface StatusOptions extends ViewOptions {
  dept?: string;
  format: ViewFormat;
  output?: string;
}

/** `gongkai status [--dept NAME]` */
export async function statusCommand(ctx: CommandContext, options: StatusOptions): Promise<ExitCode> {
  const dept = options.dept;
  if (dept) {
    await showView(ctx, options, 'department', `department:${dept}`, async (view, notes) => {
      const [{ departmentReport }, { requireDepartment }] = await Promise.all([import('../query/department-report.js'), import('./require-department.js')]);
      return departmentReport(view, requireDepartment(view, dept, notes));
    }, {
      fromIndex: async (indexed, notes) => (await import('../index/indexed-lists.js')).indexedDepartment(indexed, dept, notes),
    }, (report) => async () => (await import('../render/department-doc.js')).departmentDoc(report));
  } else {
    await showView(ctx, options, 'status', 'status', async (view) => (await import('../query/status-report.js')).statusReport(view), {
      fromIndex: async (indexed) => (await import('../index/indexed-status.js')).indexedStatus(indexed),
    }, (report) => async (bar) => (await import('../render/status-doc.js')).statusDoc(report, bar));
  }
  return ExitCode.Ok;
}

/**
 * Shows a status view in the chosen format: on stdout the text kept from the last run of the same form
 * when nothing changed (neither the report nor the layout is then loaded), else to a file.
 */
async function showView<K extends 'status' | 'department'>(
  ctx: CommandContext,
  options: StatusOptions,
  kind: K,
  view: string,
  compute: (context: ViewContext, notes: Diagnostic[]) => Promise<Renderable[K]>,
  sources: ViewSources<Renderable[K]>,
  docOf: (report: Renderable[K]) => DocOf,
): Promise<void> {
  const format = options.format;
  if (!isFileFormat(format) && !options.output) {
    const shown = await viewShown(ctx, options, view, compute, sources, { form: shownForm(ctx, format), text: (report) => viewText(ctx, format, report, docOf(report)), facts: () => null });
    writeShown(ctx, shown.text);
    return;
  }
  const report = await viewReport<Renderable[K]>(ctx, options, view, compute, sources);
  if (isFileFormat(format)) await writeRendered(ctx, format, kind, report, options.output);
  else await writeView(ctx, format, report, docOf(report), options.output);
}
