import type { Role } from '../../model/role.js';
import { GLUED_PEOPLE_LABEL, isPeopleLabel } from './people-labels.js';
import { Gated } from '../text.js';

/**
 * The labels of a clause (`牵头单位:…`, `A为责任单位`) and of table columns, and the role each names: a label says
 * its names' role as a role word does.
 */

/** Labels of label lines and table columns. 责任单位 beside a lead is joint, alone sole (one name) or joint (several). */
export const ROLE_LABELS: readonly [RegExp, Role | 'responsible' | 'deadline'][] = [
  // 主办 alone is a web page's footer (主办：某某办公室), not a label of a plan.
  [/^(牵头(单位|部门|处室|科室|司局)?|主办(单位|部门|处室|科室|司局))$/, 'lead'],
  [/^((责任|主责|承办|实施)(单位|部门|处室|科室|司局)|责任主体|责任)$/, 'responsible'],
  [/^(配合|协办|参与|协作|协同)(单位|部门|处室|科室|司局)?$/, 'cooperate'],
  [/^(完成时限|完成时间|时间要求|时限要求|时限|进度安排|时间进度|时间节点|完成期限)$/, 'deadline'],
];

/** `牵头单位:…` at the start of a part. */
export const LABEL = new Gated(/^([\u4e00-\u9fa5]{2,6})\s*[:：]\s*([\s\S]*)$/, ':：');

export function roleOfLabel(label: string): Role | 'responsible' | 'deadline' | undefined {
  return ROLE_LABELS.find(([pattern]) => pattern.test(label))?.[1];
}

/** A label said with 为: `A为责任单位` (1 names, 2 label) or `责任单位为A` (3 label, 4 names). */
export const LABEL_WITH_WEI = new Gated(/^(?:(.+?)为((?:牵头|责任|主责|配合|协办|协同)(?:单位|部门|处室|科室))|((?:牵头|责任|主责|配合|协办|协同)(?:单位|部门|处室|科室))为(.+))$/, '为');

/** A label after blanks inside a clause (`牵头单位：A　联系人：王某`): the blanks separate parts, as `；` does. */
const BLANK_THEN_LABEL = new Gated(/[ \t\u3000]+(?=([\u4e00-\u9fa5]{2,6})\s*[:：])/g, ':：');

/** Labels set apart: a people label glued to the name before it, or after blanks, starts a part of its own. */
export function labelsApart(words: string): string {
  return BLANK_THEN_LABEL.replace(GLUED_PEOPLE_LABEL.replace(words, '；$1：'), (blank, label) => (roleOfLabel(label!) || isPeopleLabel(label!) ? '；' : blank));
}
