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
  doneOn?: string;
  /** For vague groups (各有关司(局)…): which departments they mean on this item. */
  resolutions: Record<string, string[]>;
  progress: ProgressEntry[];
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
