import type { DepartmentKind, Group } from '../model/department.js';
import { DRAFTING_GROUP, isGroupName } from './clause/names.js';

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
/** Governments below the office and their offices in the field: 某区人民政府, 某街道办事处, 某镇 — outside the office. */
const EXTERNAL_ENDINGS = /(政府|街道办事处|办事处|街道|乡|镇|村委会|居委会|社区)$/;
const INTERNAL_ENDINGS = /(司|局|厅|办公室|室|处|委|委员会)$/;

/**
 * A group that names the office's own departments in general: 各处室, 各科室, 各司局, 各部门, 各单位, 市政府各部门,
 * 县直各单位, and with 有关/相关 alone (市有关部门, 有关处室, 相关科室), a leading group's member units (…领导小组各成员单位) or the
 * drafting department (起草处室) — some of them. (A kind of them, 各临床科室, is KIND_OF_OWN.)
 */
const OWN_DEPARTMENTS = /(?:各|有关|相关)+(?:成员)?(?:司局|司\(局\)|司、局|处室|科室|股室|部门|单位|处|科|室|司|局|厅局|委办局|直属单位)$/;
/**
 * A kind of the office's own departments before 科室/处室/股室/司局 (各临床科室, 各医技科室, 各业务处室, 有关职能科室): its
 * own (a place's name before them, 各乡镇科室, is not), and only those of the kind — some of them, named in resolve.
 */
const KIND_OF_OWN = /(?:各|有关|相关)[^省市县区州盟旗乡镇街村社(（、有相]{1,4}(?:科室|处室|股室|司局)$/;
/** A group of governments below the office (各区县人民政府, 有关乡镇, 各县(市、区)政府, 各街道): outside it, whatever else it says. */
const LOWER_GOVERNMENTS = /(政府|街道|办事处|乡镇|镇\(街道?\)|镇（街道?）|镇街|[乡镇村]|社区|县\(市、?区\)|县（市、?区）|区县|县区|市县|县市)$/;

/** Guesses a department's kind from its names (司/局/厅 internal, 中心/馆/院… affiliated, 某区政府/某镇 external). */
export function guessKind(names: readonly string[]): DepartmentKind {
  if (names.some((n) => EXTERNAL_ENDINGS.test(n))) return 'external';
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
  const some = /有关|相关|其他|其它|成员|起草|制发|发文/.test(name) || KIND_OF_OWN.test(name);
  // Bodies outside the office (各街道办事处, 各镇人民政府, 各学校, 各设区市自然资源局, 各县(市、区)政府) are not
  // the registry's departments: each of them answers for the item, and it concerns none of the office's own.
  // An alias in brackets after the group (各处室(局)) does not make it another kind.
  const words = name.replace(/(\([^()]*\))+$/, '');
  if (LOWER_GOVERNMENTS.test(name) || !(OWN_DEPARTMENTS.test(words) || DRAFTING_GROUP.test(name) || KIND_OF_OWN.test(words))) return { name, aliases: [], members: some ? 'some' : 'all', kind: 'external' };
  // The office's own departments in general (各处室, 各科室, 各部门, 县直各单位): every one of the kind, or (有关) some.
  const kind = guessKind([name.replace(/^.*?(?:各|有关|相关)+/, '')]);
  return { name, aliases: [], members: some ? 'some' : 'all', kind: kind === 'external' ? 'internal' : kind };
}
