import { parseResponsibility } from './grammar.js';
import { splitTopLevel } from './split-names.js';
import { COORDINATING } from './role-words.js';
import { isNameList, readsAsClause } from './reads-as.js';
import { firstListedRule } from './first-listed.js';
import { toSimplified } from './traditional.js';
import { remembered } from '../remembered.js';

/**
 * A standing rule (DOMAIN.md F6): a sentence in the preamble or on a heading that
 * gives bodies to every item after it and says they are not listed again —
 * `以下各项工作，各镇(街)均需按职责分工落实，不再一一列出`. Returns the rule's clause
 * (`各镇(街)按职责分工落实`), read by the clause grammar like any other.
 */
const RULE_MARK = /(?:以下|下列|所有|各项)(?:各项|所列)?(?:工作|任务)的?(?:牵头|责任|配合)(?:单位|部门)|本(?:部分|节|章)(?:各项|所列|所有)?(?:工作|任务)|不再(?:一一|逐一|逐项|单独|重复|另行)?(?:列出|列明|标注|注明|列举|标明|写明)|下同|(?:以下|下列)(?:各项|所列|所有)?(?:工作|任务)[^。;；]{0,20}(?:均|都|一律)/;

/** Words around the bodies and their role word that are not part of the clause. */
function clauseOf(part: string): string {
  let words = part
    // 相关 only before the work it qualifies: in 县直相关部门 it is part of a name.
    .replace(/(?:对|就)?(?:(?:以下|下列|上述|本方案|本要点|本部分|本节|本章|各项|所列|所有|全部)+(?:相关)?|相关(?=工作|任务|事项))(?:所列)?(?:各项|的)?(?:工作|任务|事项)?(?:中|的)?/g, '')
    .replace(/(?:均|都|一律)?(?:需要|必须|需|须|要|应)?(?=按|牵头|配合|负责|参与|协同|会同|协助|落实)/g, '')
    .replace(/^(?:并|且|请)?(?:均|都|一律)?(?:需要|必须|需|须|要|应)?(?:由)?/, '')
    // `责任单位均包括各街道`, `各街道均为责任单位`: a label said as a sentence.
    .replace(/^(牵头|责任|配合|协办)(?:单位|部门)(?:均|都)?(?:包括|包含|含|为|是|增加|加上)(.+)$/, (_, role: string, names: string) => `${names}${({ 牵头: '牵头', 责任: '按职责分工负责', 配合: '配合', 协办: '配合' } as Record<string, string>)[role] ?? ''}`)
    .replace(/(?:均|都)?(?:为|是|作为)(牵头|责任|配合|协办)(?:单位|部门)$/, (_, role: string) => ({ 牵头: '牵头', 责任: '按职责分工负责', 配合: '配合', 协办: '配合' })[role] ?? '')
    // `A负责统筹协调`, `A统筹推进`, `A牵头协调`: coordinating every task is leading it (the clause grammar's words of coordinating).
    .replace(/牵头协调$/, '牵头')
    .replace(COORDINATING, '牵头')
    .trim();
  // `各镇(街道)要…落实`: the bodies are the words before the modal verb.
  const modal = /^(.+?)(?:均|都)?(?:需要|必须|需|须|要|应)[^牵配负按协参会]*落实$/.exec(words);
  if (modal) words = `${modal[1]}落实`;
  // `各街道落实`: bodies that carry out the work, each its own part.
  if (/落实$/.test(words) && !/牵头|配合|负责|按职|协同|协助|参与|分别/.test(words)) words = words.replace(/(?:认真|抓好|切实)?落实$/, '按职责分工落实');
  return words;
}

/**
 * A sentence that looks like a standing rule (it speaks of all the tasks and of
 * bodies' roles) but that `standingRule` could not read: the items it would cover are not sure.
 */
export function unreadStandingRule(text: string): string | undefined {
  if (standingRule(text)) return undefined;
  // A sentence with a rule's mark (不再列出, 以下各项工作均…) and role words; one that only speaks of all the tasks needs groups of bodies too.
  const roles = /牵头|负责|配合|落实|责任单位|参与|统筹/;
  return sentences(text)
    // `列第一位的为牵头单位，其他为配合单位，不再标注` says how lists are read (first-listed.ts), not who does every task.
    .find((s) => s.length <= 120 && roles.test(s) && !firstListedRule(s) && (RULE_MARK.test(s) || (/(?:以下|下列|所有|全部|各项)[^，,]{0,10}(?:工作|任务)/.test(s) && /各|所有|全体|有关/.test(s.replace(/各项/g, '')))))
    ?.trim();
}

/** A body's name in a rule, strictly: it ends like an organisation (a loose `各…` is not enough here). */
const STRICT_NAME = /(?:司|局|厅|处|室|科|股|中心|办|委|部|院|馆|站|所|队|组|会|府|公司|单位|部门|机构|街道|乡|镇|村|区|县|市|省|[)）])$/;

/** The bodies that open a part (`各街道办事处对照…落实` → 各街道办事处) and the role its words give. */
function openingNames(part: string): string | undefined {
  const opened = part.replace(/^(?:对|就)?(?:以下|下列|上述|本方案|本要点|所有|各项|全部)?(?:各项|所列)?(?:工作|任务)?(?:中|的)?(?:均由|由|均|都)?/, '');
  const tokens = splitTopLevel(opened, new Set(['、']));
  const last = tokens.pop() ?? '';
  if (!tokens.every((t) => STRICT_NAME.test(t) && [...t].length <= 16)) return undefined;
  let cut = 0;
  for (let i = Math.min(last.length, 16); i >= 2; i--) if (STRICT_NAME.test(last.slice(0, i)) && isNameList(last.slice(0, i))) { cut = i; break; }
  if (!cut) return undefined;
  const rest = last.slice(cut);
  if (!/落实|负责|配合|牵头|参与|协同|执行|推进|做好|抓好|实施/.test(rest)) return undefined;
  const role = /配合|协同|协助|参与/.test(rest) ? '配合' : /牵头/.test(rest) ? '牵头' : '按职责分工负责';
  return `${[...tokens, last.slice(0, cut)].join('、')}${role}`;
}

/** Every name of a clause ends like an organisation. */
function strictNames(clause: string): boolean {
  const parsed = parseResponsibility(clause);
  return parsed.ok && parsed.assignments.every((a) => STRICT_NAME.test(a.name) && [...a.name].length <= 16);
}

/**
 * The sentences of some words, each without brackets that wrap it whole (`（以下各项工作，…，不再列出）`),
 * and the words of a bracket at a heading's end (`一、推进…公开（本部分各项工作，A配合）`).
 */
function sentences(text: string): string[] {
  return toSimplified(text)
    .split(/[。;；\n]/)
    .flatMap((s) => {
      const closing = closingBracket(s);
      if (closing === undefined) return [s];
      // The bracket's words first: read whole, the heading's words before it would be taken for the rule's.
      return s.slice(0, closing.start).trim() ? [closing.words, s] : [closing.words];
    });
}

/** The bracket closing some words, brackets inside it and all (`（…各乡（镇）人民政府…）`): where it opens and its words. */
function closingBracket(s: string): { start: number; words: string } | undefined {
  const trimmed = s.trimEnd();
  if (!/[)）]$/.test(trimmed)) return undefined;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i]!;
    if (ch === ')' || ch === '）') depth++;
    else if ((ch === '(' || ch === '（') && --depth === 0) return { start: i, words: trimmed.slice(i + 1, -1) };
  }
  return undefined;
}

// Asked of each heading once for every unit beneath it.
export const standingRule: (text: string) => string | undefined = remembered((text) => ruleOf(text), { entries: 10_000, longest: 2_000 });

function ruleOf(text: string): string | undefined {
  const all = sentences(text);
  for (const [i, marked] of all.entries()) {
    if (!RULE_MARK.test(marked)) continue;
    // The mark said as a sentence of its own (`…由A统筹，B分别负责。下文不再列出。`) is the sentence before's.
    const sentence = i > 0 && /^\s*(?:以下|下文|下面|后文)?(?:各项|均)?不再/.test(marked) ? `${all[i - 1]}，${marked}` : marked;
    const parts = splitTopLevel(sentence, new Set([',', '，']));
    // Every part that reads as a clause: `由A统筹，B、C分别负责，不再列出` gives A and B, C their roles alike.
    const clauses = parts.map(clauseOf).filter((clause) => clause && clause.length <= 60 && readsAsClause(clause) && strictNames(clause));
    const joined = clauses.join('，');
    if (clauses.length > 1 && strictNames(joined)) return joined;
    if (clauses.length) return clauses[0];
    for (const part of parts) {
      const clause = openingNames(part);
      if (clause && strictNames(clause)) return clause;
    }
  }
  return undefined;
}
