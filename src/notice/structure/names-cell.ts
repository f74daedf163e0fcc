import { isNameList, opensLikeTaskWords } from '../clause/reads-as.js';
import { saysRole } from '../clause/read-part.js';
import { splitTopLevel } from '../clause/split-names.js';
import { toSimplified } from '../clause/traditional.js';
import { foldWidth } from '../text.js';

/**
 * A cell of names alone (DOMAIN.md F7, F8): whatever separates its names — 、 as
 * the clause grammar writes them, or `,` `，` `;` `；` `/` and spaces as offices
 * type them in a 责任单位 cell (`市财政局,市税务局`, `各县(市、区)人民政府，市直有关单位`)
 * — it names bodies and nothing else. Its names are a list (、): the cell has no
 * role words, so a comma there never separates roles.
 */

/**
 * Words that name nobody where names are asked for (a 配合单位 cell or label, a 备注): a dash, a slash, 无, 暂无 —
 * no body has this part of the task. One notion for tables and label lines alike.
 */
const NOBODY = /^\s*(?:[—－\-–―/／、.。]+|无|暂无)\s*$/;
export const namesNobody = (text: string) => NOBODY.test(text);

/**
 * What may stand between two names of a cell; 、 and bracketed words (县(市、区)) stay inside the names.
 * Not a line break: a name wraps over lines (`市委宣传部、市` / `网信办`); the table reader joins a cell's lines first.
 */
const CELL_SEPARATORS = new Set([',', '，', ';', '；', '、', '/', '／', ' ', '\u3000', '\t']);

/** The names of a cell that holds names alone (two or more, or one), or undefined when the cell says anything else. */
export function namesOfCell(text: string): string[] | undefined {
  const words = foldWidth(text).trim().replace(/[。.;；,，]+$/, '');
  if (!words || [...words].length > 120) return undefined;
  const reading = toSimplified(words);
  // A role word makes it a clause (A牵头,B配合): the grammar reads that, commas and all.
  if (splitTopLevel(reading, new Set([',', '，', ';', '；'])).some((part) => saysRole(part))) return undefined;
  const names = splitTopLevel(words, CELL_SEPARATORS).filter(Boolean);
  if (!names.length) return undefined;
  // Task words never: `公开办事指南` may end like a name (…报, …站); a name never opens with a verb of work.
  // A name of one character is a name cut by a space (`市 财政局`), not a name.
  return names.every((name) => [...name].length >= 2 && !opensLikeTaskWords(toSimplified(name)) && isNameList(name)) ? names : undefined;
}

/** A cell of names alone written as the clause grammar reads a list (`市财政局、市税务局`); other words as they are. */
export function asNameList(text: string): string {
  const names = namesOfCell(text);
  return names && names.length > 1 ? names.join('、') : text;
}
