import { normalizeDepartmentName } from '../../model/department-name.js';
import { isDeadlineWords } from './deadline.js';
import { parseResponsibility, withLostCommas } from './grammar.js';
import { looksLikeName, opensLikeTask } from './names.js';
import { CONSULT_WORD, saysRole } from './read-part.js';
import { splitTopLevel } from './split-names.js';
import { toSimplified } from './traditional.js';
import { remembered } from '../remembered.js';

/**
 * What some words read as, whole: a clause, a list of names, a task's opening, one body's name. Every way of
 * finding a clause in an item's words (and the table and line readers) asks these.
 */

const ROLE_WORD = /牵头|负责|负总责|主责|抓总|配合|落实|协办|协助|协同|参与|会同|主办|为(?:牵头|责任|主责)(?:单位|部门)|(?:责任|牵头|主责)(?:单位|部门)为/;

/** A clause that reads fully: every name looks like a name, and at least one role word or label. */
export const readsAsClause: (words: string) => boolean = remembered((words) => readsWholeAsClause(words), { longest: 400 });

function readsWholeAsClause(words: string): boolean {
  const reading = withLostCommas(toSimplified(words));
  if (!ROLE_WORD.test(reading) && !/单位[:：]/.test(reading) && !CONSULT_WORD.test(reading)) return false;
  // A role word must say a role (end a part, or 由/会同/a label): `落实某某专区` is text, not a clause.
  if (!splitTopLevel(reading, new Set([',', '，', ';', '；'])).some((part) => saysRole(part))) return false;
  const parsed = parseResponsibility(words);
  return parsed.ok && parsed.unsure.length === 0;
}

/** Words that open like a task's (推进…, 在…设置…, 公开…通报, 编制…年报): never a body's name, whatever their ending. */
export function opensLikeTaskWords(words: string): boolean {
  return opensLikeTask(words) || TEXT_OPENING.test(words);
}

/** Verbs that open a task's words but no body's name (公开…信息, 编制…报告). */
const TEXT_OPENING = /^(公开|发布|编制|报送|印发|更新|公布|制定|修订|建立|开展|推行|实行|主动|依法|及时|定期|围绕|聚焦|加大|组织开展)/;
/** A level word (县, 市 …) two or more characters in, starting a name: text may be glued in front of it. */
const INNER_LEVEL = /^.{2,}?[省市县区州盟旗镇乡].{2,}$/u;

/** Words short enough, and shaped, to be one body's name whole: 计划财务处, not 扩大参与县发改委. */
export function standsAsName(words: string): boolean {
  return [...words].length <= 7 && looksLikeName(words) && !opensLikeTask(words) && !TEXT_OPENING.test(words) && !INNER_LEVEL.test(words);
}

export function isNameList(part: string): boolean {
  const names = splitTopLevel(part, new Set(['、']));
  return names.every((n) => looksLikeName(normalizeDepartmentName(n).replace(/等$/, '')));
}

/**
 * Names alone, in one list or in several set off by commas (`各庭室，院办公室`), and after them perhaps the
 * deadline (`医药服务管理处，长期坚持`, `办公室，2029年1月31日前`): a bracket of bodies with no role word.
 */
export function namesThenDeadline(words: string): boolean {
  const parts = splitTopLevel(words, new Set([',', '，', ';', '；'])).map((part) => part.trim());
  let named = parts.length;
  while (named > 1 && isDeadlineWords(parts[named - 1]!)) named--;
  return parts.slice(0, named).every((part) => isNameList(part));
}
