import type { Role } from '../../model/role.js';
import { EndGated } from '../text.js';

/**
 * The role words that end a part of a responsibility clause (`…牵头`, `…按分工落实`, `…统筹`), and how a head's word
 * (统筹, 负总责) is read beside the other parts. The clause grammar (grammar.ts) splits the clause; this says the roles.
 */

/**
 * `按职责分工`, `按职能`, `按分工`, `根据各自职责` …: each body by its own duties — before a verb of doing (joint)
 * or of helping (cooperate). One pattern, so every wording offices use is read alike.
 */
const BY_DUTIES = '(?:按照|按|根据|依据)(?:各自)?(?:(?:职责|职能)(?:分工)?|分工)';

/**
 * The words of leading by coordinating (统筹, 统筹协调, 统筹推进, 负责统筹, 总体协调): before the bodies that answer
 * for their share, the lead's (`A统筹，B具体负责`, as a standing rule's `由A统筹，B、C分别负责`); after them, or with
 * nobody answering, overseeing (`A、B分别负责，C统筹`: C helps). See resolveHeads.
 */
export const COORDINATING = /(?:负责|全面|加强|统一)?(?:统筹(?:协调|推进|负责|安排)?|总体协调)$/;

/**
 * Role words at the end of a part, longest first so 按职责分工负责 wins over 负责.
 * Each is a pattern, so the variations offices write (按职能分工落实, 按分工落实, 按职责分别负责,
 * 牵头抓总, 协同推进) are one entry, not one per wording. Each with the last characters of its words (EndGated): a part
 * ending otherwise is not matched against it.
 */
const ROLE_SUFFIXES: readonly [EndGated, PartRole][] = [
  [new EndGated(new RegExp(`(?:等)?${BY_DUTIES}(?:分别)?(?:负责|落实|推进|承担|实施)$`), '责实进担施'), 'joint'],
  [new EndGated(/(?:分别|共同)(?:负责|落实|推进)$/, '责实进'), 'joint'],
  // 抓总 (holds the whole) alone is a lead's word, as 牵头抓总 is; 牵头协调 leads (协调 alone oversees).
  [new EndGated(/(?:(?:分别)?(?:牵头|主办)(?:负责|落实|推进|抓总|协调)?|抓总)$/, '头办责实进总调'), 'lead'],
  [new EndGated(new RegExp(`(?:${BY_DUTIES})?(?:配合|协助|协办|参与|协同)(?:落实|推进|做好|实施)?$`), '合助办与同实进好施'), 'cooperate'],
  [new EndGated(COORDINATING, '筹调进责排'), 'coordinate'],
  // Before 落实 alone: 督促落实 oversees.
  // Words of overseeing (指导, 监督, 汇总审核): beside a body that answers for the work, these bodies help it (see OVERSEE).
  [new EndGated(/(?:全程|业务|统一|加强|负责)?(?:统筹|指导|监督|督导|督促|督查|督办|审核|把关|汇总|协调|检查){1,2}(?:落实|执行)?$/, '筹导督促查办核关总调实行'), 'oversee'],
  // 负总责 (answers for the whole): beside bodies that answer for their share the lead's, else the body's own task (resolveHeads).
  [new EndGated(/(?:负总责|总负责|全面负责)$/, '责'), 'whole'],
  // 主责 (answers principally for it), read as the label 主责单位 is: sole alone, joint beside a lead or other such bodies.
  [new EndGated(/(?:具体)?主责$/, '责'), 'responsible'],
  // 负责 and 落实 alone: the body's own task (sole), or beside a lead each one's part (joint: see parseClause).
  [new EndGated(/(?:具体)?(?:负责|落实)(?:落实|推进|实施)?$/, '责实进施'), 'sole'],
];

/**
 * A part's role: a role, 责任单位 (responsible, read beside the other parts), overseeing —
 * `A、B分别负责，C统筹`, `A负总责，B、C指导`: C works beside the bodies that answer for the work
 * (cooperate) — or a head's word, read beside the other parts (coordinate: 统筹; whole: 负总责; see resolveHeads).
 * A clause of overseeing parts alone names nobody who answers for the work: not a clause.
 */
export type PartRole = Role | 'responsible' | 'oversee' | 'coordinate' | 'whole';

/** Words of overseeing, and 统筹 read alone: said only beside a part that answers for the work. */
export function overseeing(role: PartRole): role is 'oversee' | 'coordinate' {
  return role === 'oversee' || role === 'coordinate';
}

/**
 * The heads' words read beside the other parts, one rule for the words of leading (牵头, 主办, 抓总 lead wherever they
 * stand): with no lead written, 统筹 before a part that answers for its share (负责, 具体负责, 按职责分工负责, 落实 …) leads
 * (`A统筹、B具体负责`), else oversees (`B负责，A统筹`: A helps); 负总责 beside such a part leads (`A负总责，B、C具体落实`),
 * else it is the body's own task (`A负总责，B监督`).
 */
export function resolveHeads(groups: { role?: PartRole }[]): void {
  const answers = (g: { role?: PartRole }) => g.role === 'sole' || g.role === 'joint' || g.role === 'responsible';
  if (groups.some((g) => g.role === 'lead')) {
    for (const g of groups) if (g.role === 'coordinate') g.role = 'oversee';
    for (const g of groups) if (g.role === 'whole') g.role = 'sole';
    return;
  }
  groups.forEach((g, i) => {
    if (g.role === 'coordinate') g.role = groups.slice(i + 1).some(answers) ? 'lead' : 'oversee';
  });
  const shared = groups.some(answers);
  for (const g of groups) if (g.role === 'whole') g.role = shared ? 'lead' : 'sole';
}

/** The role word ending a part, if any: the words it takes and the role. */
export function roleSuffix(part: string): { word: string; role: PartRole } | undefined {
  for (const [pattern, role] of ROLE_SUFFIXES) {
    const m = pattern.exec(part);
    if (m) return { word: m[0], role };
  }
  return undefined;
}
