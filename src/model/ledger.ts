import type { PathSegment } from '../diagnostic.js';
import type { Registry } from './department.js';
import type { Assignment } from './role.js';
import type { Status } from './status.js';

/** The plan a ledger tracks: one notice. */
export interface Plan {
  title: string;
  issuer?: string;
  documentNumber?: string;
  /** YYYY-MM-DD */
  issuedOn?: string;
  year: number;
  /** YYYY-MM-DD; due date of items that name none. */
  defaultDue: string;
  /** YYYY-MM-DD: the office closed the year's ledger; views after it count as of this day (see model/plan-year.ts). */
  closedOn?: string;
  /** The notice's opening words before its first section, as imported. */
  preamble?: string;
}

export interface Section {
  number: string;
  title: string;
}

export interface ProgressEntry {
  date: string;
  dept: string;
  note: string;
}

/** One approved move of an item's deadline (延期). The first `from` is the original deadline. */
export interface Postponement {
  /** YYYY-MM-DD: when it was approved (recorded). */
  on: string;
  from: string;
  to: string;
  reason: string;
  approvedBy?: string;
}

/**
 * A department's request to move an item's deadline (申请延期), as it came in
 * with its progress form; it waits for the coordinator (`postpone … --approved-by`).
 * It is pending until a postponement is recorded on or after its date.
 */
export interface PostponementRequest {
  /** YYYY-MM-DD: when it was received. */
  on: string;
  dept: string;
  to: string;
  reason: string;
}

/** The office's refusal of a pending request (驳回延期申请): who refused it, when and why. The deadline does not move. */
export interface PostponementRejection {
  /** YYYY-MM-DD: when it was refused (recorded). */
  on: string;
  reason: string;
  rejectedBy?: string;
}

/** Why and when an item was cancelled (已取消). */
export interface Cancellation {
  on: string;
  reason: string;
  approvedBy?: string;
}

/** One dated step of an item (2 月公开预算, 8 月公开决算). */
export interface Milestone {
  due: string;
  text: string;
  doneOn?: string;
}

/** `due: {after, working_days}`: a deadline N Chinese working days after an event. */
export interface RelativeDue {
  /** YYYY-MM-DD of the event; not counted. */
  after: string;
  workingDays: number;
  /** True when the holiday schedule of the years involved is unknown: `due` is then the plan's default. */
  uncomputable?: boolean;
}

/** 上年结转: where an item of an earlier plan that was not finished went on. */
export interface CarriedOver {
  /** The earlier ledger, as written (relative to this ledger). */
  ledger: string;
  item: string;
  plan?: string;
  documentNumber?: string;
  commit?: string;
  status?: Status;
  due?: string;
  postponed?: number;
}

/** One numbered work item of the plan. */
export interface Item {
  /** As in the notice: "1", "12", "1.10". */
  number: string;
  /** Number of the section (一, 二, …) the item belongs to. */
  section: string;
  text: string;
  /** The responsibility clause, verbatim. */
  clause: string;
  assignments: Assignment[];
  status: Status;
  /** YYYY-MM-DD; the plan's default when the item names none. */
  due: string;
  dueIsDefault: boolean;
  /** The notice's deadline words, verbatim (2018年底前完成并持续落实); `due` is computed from them. */
  dueText?: string;
  /** What `import` could not read for sure (its reasons); removed by the coordinator once checked. */
  review?: string[];
  doneOn?: string;
  /** Set when `due` is written relative to an event; `due` is then computed from the working calendar. */
  dueRule?: RelativeDue;
  /** Dated steps, in ledger order; empty when the item has one deadline. */
  milestones: Milestone[];
  /** Postponements in the order they were made; empty when the deadline never moved. */
  postponements: Postponement[];
  /** Requests to postpone, in the order received; see pendingRequest. */
  postponementRequests: PostponementRequest[];
  /** Requests refused by the office, in the order refused; each answers the request pending when it was recorded. */
  postponementRejections: PostponementRejection[];
  cancellation?: Cancellation;
  /** For vague groups (各有关司(局)…): which departments they mean on this item. */
  resolutions: Record<string, string[]>;
  progress: ProgressEntry[];
  /** Set when the item continues an unfinished item of an earlier plan (上年结转). */
  carriedOver?: CarriedOver;
  /** Fields that are written but could not be read (wrong type or bad date); checks on them are skipped. */
  unreadable: string[];
  /** Where the item sits in the ledger document, for diagnostics. */
  path: PathSegment[];
}

/** A loaded ledger: the plan, its registry, and its items in order. */
export interface Ledger {
  file: string;
  plan: Plan;
  registry: Registry;
  /** The registry's file, or the ledger's own when the registry is inline. */
  registryFile: string;
  sections: Section[];
  items: Item[];
}

/** The request still waiting for an answer: the last one, unless a postponement or a refusal was recorded on or after its date. */
export function pendingRequest(item: Pick<Item, 'postponementRequests' | 'postponements' | 'postponementRejections' | 'status'>): PostponementRequest | undefined {
  const last = item.postponementRequests[item.postponementRequests.length - 1];
  if (!last || item.status === 'done' || item.status === 'cancelled') return undefined;
  const answered = item.postponements.some((p) => p.on >= last.on) || item.postponementRejections.some((r) => r.on >= last.on);
  return answered ? undefined : last;
}
