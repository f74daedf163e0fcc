import type { DepartmentKind, Group } from '../model/department.js';
import { isGroupName } from './clause/names.js';

/**
 * Group words common in notices, used to seed a new registry on import. The
 * user's registry stays authoritative; this is only the starting point.
 */
export const DEFAULT_GROUPS: readonly Group[] = [
  { name: '各司(局)', aliases: ['各司局', '各司、局'], members: 'all', kind: 'internal' },
  { name: '直属单位', aliases: ['各直属单位', '部直属单位'], members: 'all', kind: 'affiliated' },
  { name: '各有关司(局)', aliases: ['有关司(局)', '各有关司局', '有关司局'], members: 'some', kind: 'internal' },
  { name: '制发司(局)', aliases: ['制发司局'], members: 'some', kind: 'internal' },
  { name: '有关承办司(局)', aliases: ['承办司(局)', '有关承办司局'], members: 'some', kind: 'internal' },
  { name: '各有关单位', aliases: ['有关单位'], members: 'some', kind: 'affiliated' },
];

const AFFILIATED_ENDINGS = /(中心|馆|院|社|所|站|学校|大学|学院|报|杂志社|基金会|协会|公司)$/;
const INTERNAL_ENDINGS = /(司|局|厅|办公室|室|处|委|委员会)$/;

/** A group that names the office's own departments in general: 各处室, 各科室, 各司局, 各部门, 各单位, 市政府各部门, 县直各单位. */
const OWN_DEPARTMENTS = /各(?:有关)?(?:司局|司\(局\)|司、局|处室|科室|部门|单位|处|科|室|司|局|厅局|委办局|直属单位)$/;

/** Guesses a department's kind from its names (司/局/厅 internal, 中心/馆/院… affiliated). */
export function guessKind(names: readonly string[]): DepartmentKind {
  if (names.some((n) => AFFILIATED_ENDINGS.test(n))) return 'affiliated';
  if (names.some((n) => INTERNAL_ENDINGS.test(n))) return 'internal';
  return 'internal';
}

/** The names of a 合署 body: 办公厅(国际合作司) is also 办公厅 and 国际合作司. */
export function namesOfCombinedBody(name: string): string[] {
  const match = /^([^()]+)\(([^()]+)\)$/.exec(name);
  return match ? [match[1]!, match[2]!] : [];
}

/**
 * A group word the defaults do not know (各乡镇政府, 县政府各部门, 各有关科室): 各… names
 * all of its kind, 有关…/各有关… only some, unspecified.
 */
export function groupFromName(name: string): Group | undefined {
  if (!isGroupName(name)) return undefined;
  const some = /有关|相关|其他|其它/.test(name);
  // Bodies outside the office (各街道办事处, 各镇人民政府, 各学校, 各设区市自然资源局, 各县(市、区)政府) are not
  // the registry's departments: each of them answers for the item, and it concerns none of the office's own.
  if (!OWN_DEPARTMENTS.test(name)) return { name, aliases: [], members: some ? 'some' : 'all', kind: 'external' };
  // The office's own departments in general (各处室, 各科室, 各部门, 县直各单位): every one of the kind, or (有关) some.
  return { name, aliases: [], members: some ? 'some' : 'all', kind: guessKind([name.replace(/^各/, '')]) };
}
