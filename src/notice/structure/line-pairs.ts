import { isNameList, readsAsClause } from '../clause/reads-as.js';
import { opensLikeTask } from '../clause/names.js';
import { foldWidth } from '../text.js';
import { labelLines } from './label-lines.js';
import type { RawUnit } from './raw-unit.js';

/** A line that is nothing but a clause: `市财政局牵头落实`, `A牵头,B配合`, a bare name `某某局`. */
export function isClauseLine(line: string): boolean {
  const words = foldWidth(line).trim().replace(/[。;；,，]$/, '');
  if (!words || [...words].length > 150 || /[。]/.test(words) || /^[(（〔]/.test(words)) return false;
  // A task line (`统筹某某专区。`) may end like a name; it opens with a verb of work, a name never does.
  return readsAsClause(words) || (!opensLikeTask(words) && isNameList(words));
}

/**
 * A flattened table (DOMAIN.md F8): under a heading, task words and then their
 * unit on a line of its own, again and again. A unit with two or more such
 * pairs becomes one unit per pair, numbered 1, 2 … in its heading; with one
 * pair or none it stays as it is (the clause line is read where it stands).
 */
export function splitLinePairs(unit: RawUnit): RawUnit[] {
  // An entry's own words stop where the entries under it begin: no table was flattened into them.
  if (unit.entriesUnder) return [unit];
  // Label lines (牵头单位：…) make one item, even when a label's names wrap onto a line of their own.
  if (labelLines(unit.content).clause) return [unit];
  const lines = unit.content.split('\n');
  const pairs: { content: string; line: number }[] = [];
  let from = unit.onlyIfClause ? 1 : 0; // a section's first line is its title
  for (let i = from; i < lines.length; i++) {
    // A line that goes on from one ending in 、 or a comma is the same words wrapped, not a clause of its own.
    if (!isClauseLine(lines[i]!) || /[、,，]\s*$/.test(lines[i - 1] ?? '')) continue;
    const words = lines.slice(from, i).join('\n').trim();
    if (!words) return [unit];
    pairs.push({ content: `${words}\n${lines[i]!.trim()}`, line: i });
    from = i + 1;
  }
  if (pairs.length < 2) return [unit];
  const heading = unit.onlyIfClause ? lines[0]! : unit.content;
  return pairs.map((pair, k) => ({
    number: unit.onlyIfClause ? String(k + 1) : `${unit.number}${k + 1}`,
    section: unit.section,
    content: pair.content,
    place: { line: unit.place.line + pair.line },
    headings: unit.onlyIfClause ? [heading, ...unit.headings] : unit.headings,
  }));
}
