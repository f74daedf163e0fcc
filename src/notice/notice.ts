import type { Assignment } from '../model/role.js';
import type { Place } from './blocks.js';
import type { NoticeHeader } from './header.js';

/** One task unit as read from a notice, before it becomes a ledger item. */
export interface NoticeItem {
  number: string;
  section: string;
  text: string;
  /** The clause without its brackets, verbatim; '' when the item has none. */
  clause: string;
  assignments: Assignment[];
  /** Deadline words, verbatim (完成时限:2018年底 → 2018年底). */
  dueText?: string;
  /** The computed due date, when the words give one. */
  due?: string;
  /** The dated steps when the words give several (2月…预算, 8月…决算): the ledger's milestones. */
  milestones?: { due: string; text: string }[];
  /** 长期推进 / 持续推进 …: an ongoing task. */
  ongoing?: boolean;
  /** Why the unit could not be read for sure; empty when it could. */
  problems: string[];
  /** Set when a problem concerns the roles (the ledger comment asks to fill them in). */
  rolesUnsure?: boolean;
  /** Where the unit starts in the notice, and the cell of its clause or deadline when that is what is unsure. */
  place: Place;
  /** Names the clause grammar read but is not sure are names. */
  unsureNames: string[];
  /** The clause is a heading's above the unit (F6), not the unit's own words. */
  clauseOfHeading?: boolean;
  /** Names read for sure in a clause that was not (after a glued first name): known names for cutting other clauses, never roles. */
  sureNames?: string[];
}

export interface NoticeSection {
  number: string;
  title: string;
}

/** What a notice says: its header, sections and items. */
export interface Notice extends NoticeHeader {
  sections: NoticeSection[];
  items: NoticeItem[];
}
