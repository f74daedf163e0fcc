import type { Place } from '../blocks.js';

/** A task unit as a structure recogniser finds it, before its clause and deadline are read. */
export interface RawUnit {
  /** Numbering below the section: "1", "(一)", "1(2)"; a table's 序号. */
  number: string;
  /** Number of the section (一, 二 …) it stands in; '' before any section. */
  section: string;
  /** The unit's words, verbatim, line breaks kept (label lines are told by them). */
  content: string;
  place: Place;
  /** Headings above it (nearest first), whose clause covers it when it has none of its own. */
  headings: string[];
  /** The part's heading among them (一、…): never a task itself, so its clause covers items with their own too (F6). */
  partHeading?: string;
  /** From a table's columns: the responsibility words and the deadline words. */
  columns?: { clause?: string; clausePlace?: Place; dueText?: string; duePlace?: Place; /** why the columns' roles are not sure */ doubt?: string };
  /** A section heading with no numbered items under it: a unit only if it carries a clause. */
  onlyIfClause?: boolean;
  /**
   * An entry with entries under it (3. over ①②): a unit too when it carries a clause of its own
   * that none of the entries under it takes as its heading's; else only their heading.
   */
  entriesUnder?: boolean;
}

export interface RawSection {
  number: string;
  title: string;
}

/** What a recogniser finds in a run of blocks. */
export interface Recognised {
  sections: RawSection[];
  units: RawUnit[];
}
