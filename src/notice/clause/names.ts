/** What a department or group name looks like, so words that are not names (dates, verbs) are never taken for one. */

/** The endings of organisation names in plans: 司 局 处 室 中心 办 政府 公司 … */
const ORGANISATION_ENDING =
  /(司|局|厅|处|室|科|股|中心|办|委|部|院|馆|站|所|队|组|会|府|公司|单位|部门|机构|台|社|报|校|署|庭|行|团|监狱|街道|乡|镇|村|区|县|市|省)$/;

/** Group words: 各…, 有关…, 相关…, …各部门, 直属单位 — they name nobody in particular. */
const GROUP_NAME = /^(各|有关|相关|其他|其它)|各(部门|单位|处室|科室|司局|司\(局\))|有关(部门|单位|处室)|^直属单位$/;

/** `综合处(研究室)` → `综合处`: the alias in brackets does not decide what the name is. */
function withoutAlias(name: string): string {
  return name.replace(/(\([^()]*\))+$/, '');
}

export function isGroupName(name: string): boolean {
  return GROUP_NAME.test(name);
}

/** True when the words read as the name of a body (or a group of bodies). */
export function looksLikeName(name: string): boolean {
  if (!name || [...name].length > 40) return false;
  if (/[。,，;；:：!?！？“”"]/.test(name)) return false;
  if (isGroupName(name)) return true;
  return ORGANISATION_ENDING.test(withoutAlias(name));
}
