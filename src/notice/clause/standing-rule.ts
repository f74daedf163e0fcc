import { splitTopLevel } from './grammar.js';
import { isNameList, readsAsClause } from './find-clause.js';
import { toSimplified } from './traditional.js';

/**
 * A standing rule (DOMAIN.md F6): a sentence in the preamble or on a heading that
 * gives bodies to every item after it and says they are not listed again —
 * `以下各项工作，各镇(街)均需按职责分工落实，不再一一列出`. Returns the rule's clause
 * (`各镇(街)按职责分工落实`), read by the clause grammar like any other.
 */
const RULE_MARK = /(?:以下|下列|所有|各项)(?:各项|所列)?(?:工作|任务)的?(?:牵头|责任|配合)(?:单位|部门)|不再(?:一一|逐一|逐项|单独|重复|另行)?(?:列出|列明|标注|注明|列举|标明|写明)|下同|(?:以下|下列)(?:各项|所列|所有)?(?:工作|任务)[^。;；]{0,20}(?:均|都|一律)/;

/** Words around the bodies and their role word that are not part of the clause. */
function clauseOf(part: string): string {
  let words = part
    .replace(/(?:对|就)?(?:以下|下列|上述|本方案|本要点|各项|所列|所有|全部|相关)+(?:所列)?(?:各项|的)?(?:工作|任务|事项)?(?:中|的)?/g, '')
    .replace(/(?:均|都|一律)?(?:需要|必须|需|须|要|应)?(?=按|牵头|配合|负责|参与|协同|会同|协助|落实)/g, '')
    .replace(/^(?:并|且|请)?(?:均|都|一律)?(?:需要|必须|需|须|要|应)?(?:由)?/, '')
    // `责任单位均包括各街道`, `各街道均为责任单位`: a label said as a sentence.
    .replace(/^(牵头|责任|配合|协办)(?:单位|部门)(?:均|都)?(?:包括|包含|含|为|是|增加|加上)(.+)$/, (_, role: string, names: string) => `${names}${({ 牵头: '牵头', 责任: '按职责分工负责', 配合: '配合', 协办: '配合' } as Record<string, string>)[role] ?? ''}`)
    .replace(/(?:均|都)?(?:为|是|作为)(牵头|责任|配合|协办)(?:单位|部门)$/, (_, role: string) => ({ 牵头: '牵头', 责任: '按职责分工负责', 配合: '配合', 协办: '配合' })[role] ?? '')
    .trim();
  // `各镇(街道)要…落实`: the bodies are the words before the modal verb.
  const modal = /^(.+?)(?:均|都)?(?:需要|必须|需|须|要|应)[^牵配负按协参会]*落实$/.exec(words);
  if (modal) words = `${modal[1]}落实`;
  // `各街道落实`: bodies that carry out the work, each its own part.
  if (/落实$/.test(words) && !/牵头|配合|负责|按职|协同|协助|参与|分别/.test(words)) words = words.replace(/(?:认真|抓好|切实)?落实$/, '按职责分工落实');
  return words;
}

export function standingRule(text: string): string | undefined {
  const reading = toSimplified(text);
  for (const sentence of reading.split(/[。;；\n]/)) {
    if (!RULE_MARK.test(sentence)) continue;
    for (const part of splitTopLevel(sentence, new Set([',', '，']))) {
      const clause = clauseOf(part);
      if (clause && clause.length <= 60 && readsAsClause(clause)) return clause;
    }
    // Any other wording: the names that open a part of the rule, with its role word (配合 / else each its own part).
    for (const part of splitTopLevel(sentence, new Set([',', '，']))) {
      const opened = part.replace(/^(?:对|就)?(?:以下|下列|上述|所有|各项)?(?:各项|所列)?(?:工作|任务)?(?:中|的)?(?:均由|由|均|都)?/, '');
      const names = /^[^、，,。]+?(?:、[^、，,。]+?)*(?=(?:均|都|一律)?(?:需要|必须|需|须|要|应|负责|配合|参与|协同|牵头|按))/.exec(opened)?.[0];
      if (!names || !isNameList(names)) continue;
      const role = /配合|协同|协助|参与/.test(part) ? '配合' : /牵头/.test(part) ? '牵头' : '按职责分工负责';
      return `${names}${role}`;
    }
  }
  return undefined;
}
