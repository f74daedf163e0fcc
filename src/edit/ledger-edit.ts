import type { LedgerEdit } from '../model/ledger-edit.js';
import type { Status } from '../model/status.js';

export type { LedgerEdit } from '../model/ledger-edit.js';

/** The ledger's spelling of a postponement (keys in the order they are written). */
export function postponementValue(p: NonNullable<LedgerEdit['postpone']>): Record<string, string> {
  return { on: p.on, from: p.from, to: p.to, reason: p.reason, ...(p.approvedBy ? { approved_by: p.approvedBy } : {}) };
}

/** The ledger's spelling of a refused request. */
export function rejectionValue(r: NonNullable<LedgerEdit['rejectPostponement']>): Record<string, string> {
  return { on: r.on, reason: r.reason, ...(r.rejectedBy ? { rejected_by: r.rejectedBy } : {}) };
}

/** The ledger's spelling of a cancellation. */
export function cancellationValue(c: NonNullable<LedgerEdit['cancel']>): Record<string, string> {
  return { on: c.on, reason: c.reason, ...(c.approvedBy ? { approved_by: c.approvedBy } : {}) };
}

type Raw = Record<string, unknown>;

/**
 * The edit applied to the plain value of the ledger: what the file must read
 * as afterwards. The text edit is checked against this before anything is written.
 */
export function applyEditToValue(value: unknown, edit: LedgerEdit, statusWord: (s: Status) => string): unknown {
  const copy = structuredClone(value) as Raw;
  // A ledger with errors can still be edited: a section or item that is not a map (a bare `-`) is skipped, not read.
  const maps = (list: unknown): Raw[] => (Array.isArray(list) ? list.filter((x): x is Raw => x !== null && typeof x === 'object' && !Array.isArray(x)) : []);
  for (const section of maps(copy.sections)) {
    for (const item of maps(section.items)) if (String(item.number) === edit.item) editItemValue(item, edit, statusWord);
  }
  return copy;
}

/** The same for one item's plain value (the edit made through the item alone, edit-one-item.ts). */
export function applyEditToItemValue(value: unknown, edit: LedgerEdit, statusWord: (s: Status) => string): unknown {
  const copy = structuredClone(value) as Raw;
  editItemValue(copy, edit, statusWord);
  return copy;
}

function editItemValue(item: Raw, edit: LedgerEdit, statusWord: (s: Status) => string): void {
  if (edit.status) item.status = statusWord(edit.status);
  if (edit.due) item.due = edit.due;
  if (edit.doneOn) item.done_on = edit.doneOn;
  if (edit.resolve) item.resolve = { ...((item.resolve as Raw | null) ?? {}), [edit.resolve.group]: edit.resolve.departments };
  if (edit.postpone) {
    item.due = edit.postpone.to;
    item.postponements = [...((item.postponements as unknown[] | null) ?? []), postponementValue(edit.postpone)];
  }
  if (edit.requestPostponement) item.postponement_requests = [...((item.postponement_requests as unknown[] | null) ?? []), { ...edit.requestPostponement }];
  if (edit.rejectPostponement) item.postponement_rejections = [...((item.postponement_rejections as unknown[] | null) ?? []), rejectionValue(edit.rejectPostponement)];
  if (edit.cancel) item.cancelled = cancellationValue(edit.cancel);
  if (edit.note && !repeatsNote(item.progress, edit.note)) item.progress = [...((item.progress as unknown[] | null) ?? []), { ...edit.note }];
}

/** The same note (day, department, words) is already among the item's progress: writing it again would change nothing a reader sees. */
export function repeatsNote(progress: unknown, note: { date: string; dept: string; note: string }): boolean {
  return (
    Array.isArray(progress) &&
    progress.some((entry) => {
      const e = entry as Record<string, unknown> | null;
      return !!e && String(e.date) === note.date && e.dept === note.dept && e.note === note.note;
    })
  );
}
