import type { Item } from '../model/ledger.js';
import type { Role } from '../model/role.js';
import type { Status } from '../model/status.js';
import type { Deadline, DeadlineState } from './deadline.js';
import type { Obligation } from './ownership.js';

/** One item as a view lists it, with the department's role when there is one. Keys are the JSON keys. */
export interface ItemRow {
  number: string;
  section: string;
  text: string;
  role?: Role;
  /** The group the obligation came through, e.g. 直属单位. */
  via?: string;
  scope?: string;
  status: Status;
  due: string;
  due_is_default: boolean;
  done_on?: string;
  state: DeadlineState;
  days_left: number;
  working_days_left: number | null;
  last_progress?: string;
  stale?: boolean;
}

/** An item (and optionally an obligation on it) as a row. */
export function itemRow(item: Item, deadline: Deadline, obligation?: Obligation): ItemRow {
  return {
    number: item.number,
    section: item.section,
    text: item.text,
    ...(obligation ? { role: obligation.role } : {}),
    ...(obligation?.via ? { via: obligation.via } : {}),
    ...(obligation?.scope ? { scope: obligation.scope } : {}),
    status: item.status,
    due: item.due,
    due_is_default: item.dueIsDefault,
    ...(item.doneOn ? { done_on: item.doneOn } : {}),
    state: deadline.state,
    days_left: deadline.daysLeft,
    working_days_left: deadline.workingDaysLeft,
    ...(deadline.lastProgress ? { last_progress: deadline.lastProgress } : {}),
    ...(deadline.stale !== undefined ? { stale: deadline.stale } : {}),
  };
}
