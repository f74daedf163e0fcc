import type { Plan, PlanItem } from './plans.js';

/**
 * Invented plans: names no registry holds, task words made up from pieces,
 * roles drawn at random — so a form is tested on words nobody tuned the reader to.
 * Seeded, so a failure names the seed that shows it.
 */

/** mulberry32: a small seeded generator, enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const CORES = ['发展改革', '财政', '司法', '融媒体', '数据资源', '政务服务', '统计', '水务', '农业农村', '文广旅体', '医疗保障', '信访', '应急管理', '林草', '住房保障', '交通运输', '城市管理', '审计', '民族宗教', '档案', '科技', '生态环境', '商务', '口岸', '气象', '粮食储备', '机关事务', '人防', '侨务', '乡村振兴', '营商环境', '大数据', '行政审批', '公共资源交易', '退役军人事务', '人力资源社会保障'];
const ENDINGS = ['局', '委', '办', '中心', '服务中心', '管理局', '办公室', '馆', '站', '事务所'];
const PLACES = ['桐', '澜', '沅', '岚', '枫', '临', '青', '溪', '泓', '岱', '霖', '潇', '栖', '浔'];
const SECOND = ['江', '山', '川', '安', '平', '阳', '宁', '源', '丰', '和'];

/** An administrative prefix shared by a plan's bodies: 县, 市, or a place such as 澜平县 (or none). */
function levelPrefix(rand: Rand, withPrefix: boolean): string {
  if (!withPrefix) return '';
  const r = rand();
  if (r < 0.3) return '县';
  if (r < 0.5) return '市';
  if (r < 0.6) return '区';
  return `${pick(rand, PLACES)}${pick(rand, SECOND)}${pick(rand, ['县', '市', '区'])}`;
}

/** Distinct invented names of bodies: 县澜韵融媒体中心 style, never in any registry. */
export function inventedNames(rand: Rand, count: number, prefix: string): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const core = rand() < 0.35 ? `${pick(rand, PLACES)}${pick(rand, CORES)}` : pick(rand, CORES);
    names.add(`${prefix}${core}${pick(rand, ENDINGS)}`);
  }
  return [...names];
}

const VERBS = ['完善', '健全', '推进', '加强', '规范', '做好', '深化', '优化', '落实', '强化', '扩大', '提升', '细化', '统筹'];
const OBJECTS = ['重大决策预公开制度', '政策解读工作', '政务舆情回应', '信息发布审核机制', '公众参与渠道', '基层政务公开标准目录', '政府网站集约化建设', '政务新媒体管理', '依申请公开办理', '财政预决算公开', '执法信息公示', '便民服务指南', '惠企政策兑现', '办事流程说明', '公共企事业单位信息公开', '政务公开专区', '民生实事项目进展', '建议提案办理结果公开', '审核把关流程'];
const LINKS = ['，', '，', '，', '，进一步', '，着力', '，切实'];

/** Task words: one to three verb–object phrases and a full stop (forms that glue a clause on take it off). */
export function inventedText(rand: Rand): string {
  const phrases = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `${pick(rand, VERBS)}${pick(rand, OBJECTS)}`);
  return `${phrases.reduce((text, p, i) => (i ? `${text}${pick(rand, LINKS)}${p}` : p), '')}。`;
}

export type Shape = 'lead+cooperate' | 'joint' | 'sole' | 'lead' | 'lead+joint+cooperate' | 'two leads';

/** An item of invented roles: the shape drawn from the catalogue's role forms. */
export function inventedItem(rand: Rand, names: readonly string[], shapes: readonly Shape[] = ['lead+cooperate', 'joint', 'sole', 'lead', 'lead+joint+cooperate', 'two leads']): PlanItem {
  const pool = [...names];
  const take = (n: number) => Array.from({ length: n }, () => pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  const shape = pick(rand, shapes);
  const item: PlanItem = { text: inventedText(rand), lead: [], joint: [], sole: [], cooperate: [], scoped: [] };
  if (shape === 'lead+cooperate') Object.assign(item, { lead: take(1), cooperate: take(1 + Math.floor(rand() * 2)) });
  else if (shape === 'joint') item.joint = take(2 + Math.floor(rand() * 2));
  else if (shape === 'sole') item.sole = take(1);
  else if (shape === 'lead') item.lead = take(1);
  else if (shape === 'two leads') Object.assign(item, { lead: take(2), cooperate: take(1) });
  else Object.assign(item, { lead: take(1), joint: take(2), cooperate: take(1) });
  return item;
}

/** A plan of invented bodies and tasks; `withPrefix` gives every body the same administrative prefix (县…, 澜平市…). */
export function inventedPlan(seed: number, size = 12, withPrefix = true, shapes?: readonly Shape[]): Plan & { prefix: string } {
  const rand = random(seed);
  const prefix = levelPrefix(rand, withPrefix);
  const names = inventedNames(rand, 9, prefix);
  return { name: `invented-${seed}${prefix ? `-${prefix}` : ''}`, year: 2020 + Math.floor(rand() * 8), prefix, items: Array.from({ length: size }, () => inventedItem(rand, names, shapes)) };
}
