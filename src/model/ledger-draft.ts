import type { Department, Group } from './department.js';
import type { CarriedOver, Item, Milestone, Plan, Section } from './ledger.js';

/**
 * An item of a new ledger as import writes it: the model's fields, with the
 * status and the carried-over status as the words written in the file (未启动),
 * and what could not be read for sure as a comment above it.
 */
export type DraftItem = Pick<Item, 'number' | 'text' | 'clause' | 'assignments' | 'due'> &
  Partial<Pick<Item, 'dueText' | 'review'>> & {
    /** The status word as written (未启动, 持续推进). */
    status: string;
    /** Dated steps, when the words give several; none is done yet. */
    milestones?: Omit<Milestone, 'doneOn'>[];
    /** What could not be read for sure, with what to do: written as a comment above the item. */
    problem?: string;
    /** 上年结转: the unfinished item of an earlier ledger this one continues (carry/carry-over.ts). */
    carriedOver?: Omit<CarriedOver, 'status' | 'due' | 'postponed'> & { status: string; due: string; postponed: number };
  };

/** A registry as import writes it, in its own file or inline. */
export interface RegistryDraft {
  organisation?: string;
  departments: Department[];
  groups: Group[];
}

/** A new ledger's content, before it is written as YAML or JSON (render/ledger-yaml.ts). A new plan is not closed. */
export interface LedgerDraft {
  plan: Omit<Plan, 'closedOn'>;
  /** A registry file's path (relative to the ledger), or the registry itself, inline. */
  departments: string | RegistryDraft;
  sections: (Section & { items: DraftItem[] })[];
}
