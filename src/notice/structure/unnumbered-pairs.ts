import type { Paragraph } from '../blocks.js';
import { opensLikeTaskWords } from '../clause/reads-as.js';
import { toSimplified } from '../clause/traditional.js';
import { foldWidth } from '../text.js';
import { isClauseLine } from './line-pairs.js';
import { asNameList, namesOfCell } from './names-cell.js';
import type { RawUnit } from './raw-unit.js';
import { columnOf } from './table-columns.js';

/**
 * A task table flattened into lines with no numbering (DOMAIN.md F8): each task's
 * words on a line, then its unit on the next — a line that is wholly a
 * responsibility clause (`县财政局牵头落实`, `县发改局牵头，县住建局配合`, a bare
 * `县税务局`, names however separated) and nothing else. Prose is not a table: the
 * run must alternate task line / unit line throughout, with only short headings
 * between pairs, and hold at least MIN_PAIRS pairs (two under the table's own
 * header words, `工作任务` / `责任单位`). The words before the run are the
 * notice's head, those after its closing.
 */

const MIN_PAIRS = 3;
const MIN_PAIRS_UNDER_HEADER = 2;

/**
 * A line of column words alone (`工作任务`, `责任单位`, `工作任务 | 责任单位`): the table's header, never a task or a unit.
 * Header words are short: a longer name may hold one (慈善事业促进和社会工作司).
 */
function isColumnWords(line: string): boolean {
  const words = line.split(/[\s|｜]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => [...w].length <= 6 && columnOf(w) !== 'unknown');
}

/** A unit line: a clause and nothing else; bare names never open with a verb of work (`公开年报` ends like a name). */
function isUnitLine(line: string): boolean {
  if (isColumnWords(line)) return false;
  const words = toSimplified(foldWidth(line).trim());
  if (namesOfCell(words)) return true;
  return isClauseLine(line) && !opensLikeTaskWords(words);
}

/** A task line: words of their own, neither a unit nor column words. */
const isTaskLine = (line: string) => [...line.trim()].length >= 4 && !isUnitLine(line) && !isColumnWords(line);

/** A heading between pairs: short words with no sentence in them (`二、…` would be numbered, and read elsewhere). */
const isHeadingLine = (line: string) => [...line.trim()].length <= 30 && !/[，。；,;]/.test(line) && !isUnitLine(line);

/** Two pairs in a row somewhere after `from`: a closing's signature (a name line) makes one at most. */
function pairsFollow(lines: string[], from: number): boolean {
  for (let i = from; i + 3 < lines.length; i++) {
    if (isTaskLine(lines[i]!) && isUnitLine(lines[i + 1]!) && isTaskLine(lines[i + 2]!) && isUnitLine(lines[i + 3]!)) return true;
  }
  return false;
}

export interface UnnumberedPairs {
  units: RawUnit[];
  headText: string;
  closingText: string;
}

/** The first run of alternating task/unit lines long enough to be a flattened table, as units; undefined when there is none. */
export function unnumberedPairs(paragraphs: Paragraph[], section: string): UnnumberedPairs | undefined {
  const lines = paragraphs.filter((p) => p.text.trim());
  for (let start = 0; start + 1 < lines.length; start++) {
    if (!isTaskLine(lines[start]!.text) || !isUnitLine(lines[start + 1]!.text)) continue;
    const units: RawUnit[] = [];
    let heading: string | undefined;
    let i = start;
    while (i + 1 < lines.length) {
      const [a, b, c] = [lines[i]!.text, lines[i + 1]!.text, lines[i + 2]?.text];
      if (isTaskLine(a) && isUnitLine(b)) {
        units.push({ number: String(units.length + 1), section, content: `${a.trim()}\n${asNameList(b.trim())}`, place: { line: lines[i]!.line }, headings: heading ? [heading] : [] });
        i += 2;
      } else if (units.length && c !== undefined && isHeadingLine(a) && isTaskLine(b) && isUnitLine(c)) {
        heading = a.trim();
        i += 1;
      } else break;
    }
    const header = start > 0 && isColumnWords(lines[start - 1]!.text);
    if (units.length < (header ? MIN_PAIRS_UNDER_HEADER : MIN_PAIRS)) {
      start = i - 1;
      continue;
    }
    // The whole body alternates: more pairs after a break (a task's words wrapped over two lines, a paragraph among
    // the rows) mean the form is not read surely, and tasks would be lost unseen: nothing is read as pairs.
    if (pairsFollow(lines.map((p) => p.text), i)) return undefined;
    const text = (from: number, to: number) => lines.slice(from, to).map((p) => p.text).join('\n');
    return { units, headText: text(0, start), closingText: text(i, lines.length) };
  }
  return undefined;
}
