import type { AssignmentTable } from '../query/assignment-table.js';
import type { DepartmentReport } from '../query/department-report.js';
import type { LeaderReport } from '../query/leader-report.js';
import type { OverdueReport } from '../query/overdue-report.js';
import type { PeriodReport } from '../query/period-report.js';
import type { Reminder, RemindReport } from '../query/remind-report.js';
import type { StatusReport } from '../query/status-report.js';
import type { ReviewReport } from '../query/review-report.js';
import type { ChecklistInput } from './docx/checklist-doc.js';
import type { FormOrigin } from './xlsx/form-record.js';

/**
 * What each view hands a file renderer. A view that gains a file format (say,
 * `review`) adds its data here; a format adds itself to FILE_FORMATS and its
 * module (render/<format>/index.ts) — commands name neither.
 */
export interface Renderable {
  status: StatusReport;
  department: DepartmentReport;
  overdue: OverdueReport;
  /** The 任务分工表, with what its hidden record needs so `collect` can read an edited copy back. */
  assignment: { table: AssignmentTable; origin: FormOrigin };
  report: LeaderReport;
  period: PeriodReport;
  reminder: { report: RemindReport; reminder: Reminder };
  checklist: ChecklistInput;
  review: ReviewReport;
}

export type ViewKind = keyof Renderable;

/** A format module's renderers: the bytes of one file for each view it supports. */
export type Renderers = { [K in ViewKind]?: (data: Renderable[K]) => Promise<Uint8Array> };

export interface FileFormat {
  extension: string;
  /** What the file is, for 「已写入 … （Excel 工作簿）」. */
  what: string;
  /** The views it renders: known without loading the module, for the options' choices. */
  views: readonly ViewKind[];
  /** The module, loaded only when this format is asked for (its library is large). */
  load: () => Promise<Renderers>;
}

export const FILE_FORMATS = {
  xlsx: { extension: '.xlsx', what: 'Excel 工作簿', views: ['status', 'department', 'overdue', 'assignment', 'review'], load: async () => (await import('./xlsx/index.js')).XLSX_RENDERERS },
  docx: { extension: '.docx', what: 'Word 文档（公文格式）', views: ['report', 'period', 'reminder', 'checklist', 'review'], load: async () => (await import('./docx/index.js')).DOCX_RENDERERS },
} as const satisfies Record<string, FileFormat>;

export type FileFormatName = keyof typeof FILE_FORMATS;

/** True when `format` is written as a file by a format module rather than as text. */
export function isFileFormat(format: string): format is FileFormatName {
  return Object.hasOwn(FILE_FORMATS, format);
}

/** The file formats a view can be written in, for its --format choices. */
export function fileFormatsFor(view: ViewKind): FileFormatName[] {
  return (Object.keys(FILE_FORMATS) as FileFormatName[]).filter((f) => (FILE_FORMATS[f].views as readonly ViewKind[]).includes(view));
}

/** Renders one view in one file format; undefined when the format does not render that view. */
export async function renderFile<K extends ViewKind>(format: FileFormatName, view: K, data: Renderable[K]): Promise<Uint8Array | undefined> {
  const renderers = await FILE_FORMATS[format].load();
  const render = renderers[view] as ((d: Renderable[K]) => Promise<Uint8Array>) | undefined;
  return render ? render(data) : undefined;
}
