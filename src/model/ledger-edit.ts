import type { Cancellation, Postponement, PostponementRejection, PostponementRequest, ProgressEntry } from './ledger.js';
import type { Status } from './status.js';

/** One change to one item, as the edit commands (and collect) ask for it; its values are the model's own records. */
export interface LedgerEdit {
  /** Item number as in the ledger ("22"). */
  item: string;
  status?: Status;
  due?: string;
  doneOn?: string;
  /** Group name as written in the item → departments it means here. */
  resolve?: { group: string; departments: string[] };
  note?: ProgressEntry;
  /** Moves `due` to `to` and appends the move to `postponements`; `from` is the due date before the move. */
  postpone?: Postponement;
  /** Appends a department's request to postpone to `postponement_requests` (the deadline does not move). */
  requestPostponement?: PostponementRequest;
  /** Appends the office's refusal of the pending request to `postponement_rejections` (the deadline does not move). */
  rejectPostponement?: PostponementRejection;
  /** Writes `cancelled: {on, reason, approved_by}` (with status 已取消). */
  cancel?: Cancellation;
}
