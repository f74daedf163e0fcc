import { Gated } from '../text.js';

/**
 * People, not bodies (DOMAIN.md F7): 责任领导, 分管领导, 责任人, 联系人, 联络员, and how to reach them
 * (电话, 手机, 邮箱). A table column or a label line so headed names no department; its words are never
 * read as names, and in label lines it ends the value of the label before it.
 */
const PEOPLE_WORD = '领导|负责人|责任人|联系人|联络人|联络员|经办人|联系方式|电话|手机|邮箱|姓名|职务';

/** A header or a label that names people (责任领导, 联系人及电话, 分管负责人). */
export function isPeopleLabel(label: string): boolean {
  return new RegExp(PEOPLE_WORD).test(label);
}

/**
 * A people label glued to the name before it, its colon after (`宣传处联系人：`, `应急办责任领导：`): a copy
 * that lost the line break between a label's value and the people line. Group 1 the label.
 */
export const GLUED_PEOPLE_LABEL = new Gated(new RegExp(`(?<=[处室司局科厅办委部院馆站所队组心府位门会联)）])((?:责任|分管|主管|主要|具体|联系)?(?:${PEOPLE_WORD})(?:及(?:联系)?(?:电话|手机|方式))?)\\s*[:：]`, 'g'), ':：');
