/** What a department or group name looks like, so words that are not names (dates, verbs) are never taken for one. */

/** The endings of organisation names in plans: 司 局 处 室 中心 办 政府 公司 海关 … 联 (残联, 工商联), 协 (政协, 科协), 专干 (a community's full-time post, 社区民政专干, named as a body is). */
const ORGANISATION_ENDING =
  /(司|局|厅|处|室|科|股|中心|办|委|部|院|馆|站|所|队|组|会|联|协|府|公司|企业|单位|部门|机构|台|社|报|校|署|庭|行|团|监狱|海关|专干|街道|乡|镇|村|区|县|市|省)$/;

/**
 * Group words: 各…, 有关…, 相关…, …各部门, …各成员单位, …各相关部门 (any run of 各/有关/相关 before 部门, 单位 …), the bodies under an office taken together (直属单位, 下属机构, 所属企业), and
 * the department that drafted the document in question (起草处室, 制发司局, as 制发司(局)) — they name nobody in particular.
 */
/** The department that drafted or issued the document in question (起草处室, 制发司(局), 发文单位): one of the office's own, not named. */
export const DRAFTING_GROUP = /^(?:起草|制发|发文)(?:司局|司\(局\)|处室|处\(室\)|科室|股室|单位|部门)$/;
const GROUP_NAME = new RegExp(`^(各|有关|相关|其他|其它)|(?:各|有关|相关)+(?:成员)?(部门|单位|处室|科室|股室|司局|司\\(局\\)|机构)|^(?:直属|下属|所属|直管)(?:单位|机构|企业|部门)$|${DRAFTING_GROUP.source}`);

/** `综合处(研究室)` → `综合处`: the alias in brackets does not decide what the name is. */
function withoutAlias(name: string): string {
  return name.replace(/(\([^()]*\))+$/, '');
}

export function isGroupName(name: string): boolean {
  // 各… opens a sentence as well as a group (各地各部门要将本方案…纳入考核): a group is short and ends like a body.
  return GROUP_NAME.test(name) && [...name].length <= 24 && ORGANISATION_ENDING.test(withoutAlias(name).replace(/[)）]$/, ''));
}

/** True when the words read as the name of a body (or a group of bodies). */
/** A task's words open with a verb of work or a preposition (推进…专区, 做好…工作站, 在…设置…专区); a body's name never does. */
const TASK_VERB = /^(推进|推动|加强|加快|做好|优化|规范|完善|健全|深化|落实|强化|扩大|提升|细化|统筹|开展|实施|建立|严格|及时|积极|全面|进一步|切实|着力|著力|在|按照|围绕|依托|通过|结合|针对|利用|依据)/;

/** Words that open like a task (推进某某专区): in a table cell, task words, not a name, whatever their ending. */
export function opensLikeTask(words: string): boolean {
  return TASK_VERB.test(words);
}

export function looksLikeName(name: string): boolean {
  if (!name || [...name].length > 40) return false;
  if (/[。,，;；:：!?！？“”"]/.test(name)) return false;
  if (isGroupName(name)) return true;
  return ORGANISATION_ENDING.test(withoutAlias(name));
}
