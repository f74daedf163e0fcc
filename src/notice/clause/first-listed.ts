import { normalizeDepartmentName } from '../../model/department-name.js';
import { unwrapClause } from './grammar.js';
import { roleOfLabel } from './labels.js';
import { saysRole } from './read-part.js';
import { splitTopLevel } from './split-names.js';
import { looksLikeName } from './names.js';
import { toSimplified } from './traditional.js';

/**
 * A standing rule that says how a bare list of names is read (beyond the catalogue's F6): `各项任务中列第一位的为
 * 牵头单位，其他为配合单位`, `排在首位的单位为牵头单位，其余为责任单位`, `第一个部门牵头，其他部门参与`. The first name
 * of every later list leads; the others take the role the rule's words give them, as those words read as a
 * label (配合/协办/参与/协同 cooperate, 责任 beside a lead joint). A list with role words of its own keeps them.
 */
export interface FirstListed {
  /** The label the others are written under: 配合单位, 责任单位 … */
  others: string;
}

/** Where a name stands first in a list: 列第一位, 排在首位, 第一个, 排名第一, 位列最前. */
const FIRST = '(?:(?:列|排|排列|位列|名列|排名|写|署)(?:在|于)?)?(?:第一位|第一个|第一|首位|首个|最前面?)';
const UNIT = '(?:单位|部门|处室|科室|司局)';
const IS = '(?:均|都)?(?:为|是|作为|系)?';
/** The first name's role: it leads (牵头, 主责, 主办). */
const LEAD = new RegExp(`${FIRST}的?${UNIT}?${IS}(?:牵头|主责|主办)${UNIT}?`);
/** The others' role, after the first's: 其他为配合单位, 其余单位参与. Group 1 the role word. */
const OTHERS = new RegExp(`^[^。]*?(?:其他|其余|其它|其后|后列|排在后面|后面|之后|余下|剩余)的?${UNIT}?${IS}(配合|协办|协助|参与|协同|责任|主责)${UNIT}?`);

/** The first-listed rule in some words (a preamble, a heading), if they state one. */
export function firstListedRule(text: string): FirstListed | undefined {
  const words = toSimplified(text).replace(/\s+/g, '');
  const lead = LEAD.exec(words);
  if (!lead) return undefined;
  const others = OTHERS.exec(words.slice(lead.index + lead[0].length))?.[1];
  // 协助 is 配合 said otherwise; a rule that names no role for the others leaves them responsible (责任单位 beside a lead).
  const label = !others ? '责任单位' : roleOfLabel(`${others}单位`) ? `${others}单位` : '配合单位';
  return { others: label };
}

/**
 * A clause that is a bare list of names (`A、B、C`, `A`) written as the rule reads it: `牵头单位：A；配合单位：B、C`.
 * Any other clause is returned as it is.
 */
export function withFirstListed(clause: string, rule: FirstListed): string {
  const names = splitTopLevel(unwrapClause(toSimplified(clause)), new Set(['、', '，', ',']));
  if (!names.every((n) => n && !saysRole(n) && looksLikeName(normalizeDepartmentName(n)))) return clause;
  const asWritten = splitTopLevel(unwrapClause(clause), new Set(['、', '，', ',']));
  const [first, ...rest] = asWritten;
  return rest.length ? `牵头单位：${first}；${rule.others}：${rest.join('、')}` : `牵头单位：${first}`;
}
