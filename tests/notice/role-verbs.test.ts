import { describe, expect, it } from 'vitest';
import { readNoticeBytes } from '../../src/notice/index.js';
import type { NoticeItem } from '../../src/notice/notice.js';

/**
 * Forms of the responsibility clause the blind exams found read wrong, each generated over
 * names, punctuation, bracket widths and places in the item (bracket after the item, a
 * sentence of its own), and imported as a user would: the roles the user sees are asserted.
 */

/** Bodies of every kind: 处, 局, 合署 names in either bracket width, groups. */
const BODIES = ['财务处', '市民政局', '信息中心', '办公室（政务公开办）', '各县（市、区）人民政府', '纪委办公室', '市直各有关单位', '审计室', '规划建设委员会', '社区居委会'];
const ascii = (name: string) => name.replace(/[（〔]/g, '(').replace(/[）〕]/g, ')');

/** Pairs of disjoint lists of one or two bodies, varied by `seed`. */
function lists(seed: number): [string[], string[]] {
  const pick = (i: number) => BODIES[(seed * 7 + i * 3) % BODIES.length]!;
  const first = seed % 2 ? [pick(0)] : [pick(0), pick(1)];
  const second = (seed >> 1) % 2 ? [pick(2)] : [pick(2), pick(4)];
  return [first, second.filter((n) => !first.includes(n))];
}

/** Writes a clause in the ways notices do: in brackets after the item (full or half width), or as a sentence. */
function placed(clause: string, seed: number): string {
  const comma = seed % 3 === 0 ? ',' : '，';
  const words = clause.replace(/，/g, comma);
  switch (seed % 4) {
    case 0:
      return `公开年度预算执行情况（${words}）。`;
    case 1:
      return `公开年度预算执行情况(${words.replace(/（/g, '(').replace(/）/g, ')')})`;
    case 2:
      return `公开年度预算执行情况，按规定时间发布。此项工作由${words.replace(/^由/, '')}。`;
    default:
      return `公开年度预算执行情况，按规定时间发布${comma}${words}。`;
  }
}

async function importOne(itemWords: string): Promise<NoticeItem> {
  const text = `某某局2024年政务公开工作要点\n一、重点工作\n1.${itemWords}\n2.做好政策解读（办公室负责）。\n`;
  const read = await readNoticeBytes(Buffer.from(text));
  if (!read.ok) throw new Error(read.message);
  return read.notice.items[0]!;
}

function rolesOf(item: NoticeItem): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of item.assignments) (out[a.role] ??= []).push(a.name);
  for (const role of Object.keys(out)) out[role]!.sort();
  return out;
}

function want(roles: [string, string[]][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [role, names] of roles) if (names.length) (out[role] ??= []).push(...names.map(ascii));
  for (const role of Object.keys(out)) out[role]!.sort();
  return out;
}

const SEEDS = Array.from({ length: 24 }, (_, i) => i);

describe('overseeing and answering-for-the-whole verbs (judge7: 负总责, 抓总, 统筹, 指导, 监督, 汇总审核)', () => {
  const OVERSEE = ['统筹', '指导', '监督', '全程监督', '汇总审核', '业务指导', '统筹协调', '督促指导'];
  it.each(SEEDS)('variant %i: bodies that oversee beside those who answer for the work cooperate', async (seed) => {
    const [main, helpers] = lists(seed);
    const oversee = OVERSEE[seed % OVERSEE.length]!;
    // What the first bodies say, and the role the user should see for them.
    const primary: [string, 'sole' | 'lead' | 'joint'][] = [
      ['负总责', main.length > 1 ? 'joint' : 'sole'],
      ['分别负责', 'joint'],
      ['按职责分工负责', 'joint'],
      ['牵头', 'lead'],
      ['抓总', 'lead'],
    ];
    for (const [word, role] of primary) {
      const item = await importOne(placed(`${main.join('、')}${word}，${helpers.join('、')}${oversee}`, seed));
      expect(rolesOf(item), `${word} … ${oversee}`).toEqual(want([[role, main], ['cooperate', helpers]]));
      expect(item.problems).toEqual([]);
    }
  });

  it.each(SEEDS)('variant %i: 抓总 then bodies that 落实 (joined by 、 or a comma): a lead and its joint bodies', async (seed) => {
    const [main, helpers] = lists(seed);
    const join = seed % 2 ? '、' : '，';
    const item = await importOne(placed(`${main.join('、')}抓总${join}${helpers.join('、')}落实`, seed));
    expect(rolesOf(item)).toEqual(want([['lead', main], ['joint', helpers]]));
  });

  it.each(SEEDS)('variant %i: a body that 会同落实 after a lead cooperates', async (seed) => {
    const [main, helpers] = lists(seed);
    const action = ['落实', '推进', '办理', ''][seed % 4];
    const item = await importOne(placed(`由${main.join('、')}牵头，${helpers.join('、')}会同${action}`, seed));
    expect(rolesOf(item)).toEqual(want([['lead', main], ['cooperate', helpers]]));
  });

  it('overseeing alone names nobody who answers for the work: flagged, not read as a clause', async () => {
    for (const words of ['公开年度预算执行情况（办公室统筹）。', '公开年度预算执行情况，办公室指导。']) {
      const item = await importOne(words);
      expect(item.assignments.filter((a) => a.role !== 'cooperate'), words).toEqual([]);
      expect(item.rolesUnsure, words).toBe(true);
    }
  });

  it('task words that end in a verb of overseeing are not a body', async () => {
    const item = await importOne('完善公开制度，财务处牵头，加强对各县政府指导。');
    expect(item.assignments.map((a) => a.name)).not.toContain('加强对各县政府');
  });
});
