import { findClause } from './clause/find-clause.js';
import type { RawUnit } from './structure/raw-unit.js';
import { joinLines } from './text.js';

/**
 * A unit whose paragraphs each carry task words and a clause of their own is likely several tasks read as one:
 * their numbering not recognised (a heading glued onto points it did not see as items). Read as one, the
 * roles come out scoped and the count of tasks falls with no word said: so it is flagged, never passed silently.
 * One paragraph with two clauses (`…，由A牵头；…，由B负责。`) is one task written so, and is not flagged.
 */

/** Words beyond the clause that make a task of a paragraph, not a label line or a clause on its own line. */
const TASK_WORDS = 4;

/** A label line (牵头单位：…, 完成时限：…): the item's roles said by labels, no task of its own. */
const LABEL_LINE = /^[\u4e00-\u9fa5]{2,8}\s*[:：]/;

export function gluedTasksDoubt(unit: RawUnit): string | undefined {
  if (unit.columns) return undefined;
  const paragraphs = unit.content.split('\n').map((l) => l.trim()).filter(Boolean);
  if (paragraphs.length < 2) return undefined;
  const withClause = paragraphs.filter((p) => {
    if (LABEL_LINE.test(p)) return false;
    const found = findClause(joinLines(p));
    return found?.clause && [...found.text.replace(/[。；;，,\s]/g, '')].length >= TASK_WORDS;
  });
  if (withClause.length < 2) return undefined;
  return `${withClause.length} 段各有自己的责任分工，可能是 ${withClause.length} 项任务（编号没有识别），被读成了一项`;
}
