import { describe, expect, it } from 'vitest';
import { readNoticeBytes } from '../../src/notice/index.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { scaled } from '../helpers/scale.js';

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
      return `公开年度预算执行情况，按规定程序发布。此项工作由${words.replace(/^由/, '')}。`;
    default:
      return `公开年度预算执行情况，按规定程序发布${comma}${words}。`;
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

/**
 * Variants 0–11 already give every single choice a variant makes (place of the clause by seed % 4, comma by
 * seed % 3, the lists' lengths, every overseeing verb, deadline, task, blank and date): the default run; the
 * full size adds 12–23, other combinations of the same choices.
 */
const SEEDS = Array.from({ length: scaled(12, 24) }, (_, i) => i);

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

describe('a clause said as the subject of a sentence, with the task as the object and no 由 (judge14)', () => {
  const TASKS = ['做好预期引导和舆情回应工作', '本单位网站内容保障', '本处室审计项目结果公告', '公开'];
  const DEADLINES: [string, string | undefined][] = [['持续推进', 'ongoing'], ['长期坚持', 'ongoing'], ['6月底前完成', '2024-06-30'], ['', undefined]];
  function variant(seed: number, clause: string): string {
    const comma = seed % 3 === 0 ? ',' : '，';
    const [deadline] = DEADLINES[seed % DEADLINES.length]!;
    const task = TASKS[seed % TASKS.length]!;
    const before = ['', `对涉及群众切身利益的重大政策${comma}`, `公开年度预算。`][seed % 3];
    return `${before}${clause.replace(/，/g, comma)}${task}${deadline ? `${comma}${deadline}` : ''}。`;
  }
  const due = (seed: number) => DEADLINES[seed % DEADLINES.length]![1];
  function dueOf(item: NoticeItem): string | undefined {
    return item.ongoing ? 'ongoing' : item.due === '2024-12-31' ? undefined : item.due;
  }

  it.each(SEEDS)('variant %i: A会同B负责… — A answers for it, B cooperates', async (seed) => {
    const [main, helpers] = lists(seed);
    const item = await importOne(variant(seed, `${main[0]}会同${helpers.join('、')}负责`));
    expect(rolesOf(item)).toEqual(want([['sole', [main[0]!]], ['cooperate', helpers]]));
    expect(dueOf(item)).toEqual(due(seed));
  });

  it.each(SEEDS)('variant %i: bodies 按职责分工负责 / 分别负责 / 共同负责 their share — joint', async (seed) => {
    const [main] = lists(seed);
    for (const verb of ['按职责分工负责', '分别负责', '共同负责', '按照职能分工负责']) {
      const item = await importOne(variant(seed, `${main.join('、')}${verb}`));
      expect(rolesOf(item), verb).toEqual(want([['joint', main]]));
    }
  });

  it.each(SEEDS)('variant %i: A牵头，B分别负责… — a lead and its joint bodies', async (seed) => {
    const [main, helpers] = lists(seed);
    const item = await importOne(variant(seed, `${main.join('、')}牵头，${helpers.join('、')}分别负责`));
    expect(rolesOf(item)).toEqual(want([['lead', main], ['joint', helpers]]));
    expect(dueOf(item)).toEqual(due(seed));
  });

  it('a role word that is part of a noun (负责人, 牵头单位) or a subject that is not a body is no clause', async () => {
    for (const words of ['公开年度预算，各单位负责人要高度重视。', '明确牵头单位和责任人，各地各部门要负责落实到位。', '公开年度预算，加强组织领导负责推进。']) {
      const item = await importOne(words);
      expect(item.assignments, words).toEqual([]);
    }
  });
});

describe('a sentence clause wrapped over lines, the break inside a name (pdftotext -layout, judge14)', () => {
  const LEADS = ['市政府办公室', '市政务服务和大数据管理局', '办公室（政务公开办）', '财务处'];
  const HELPERS = [['市直各部门'], ['各县（市、区）政府', '市财政局']];
  it.each(LEADS.map((lead, i) => [lead, i] as const))('%s: every place of the break reads the whole name', async (lead, i) => {
    const helpers = HELPERS[i % HELPERS.length]!;
    for (let cut = 1; cut < [...lead].length; cut++) {
      for (const [opening, verb, role] of [['由', '牵头', 'lead'], ['', '牵头', 'lead'], ['由', '负责', 'sole']] as const) {
        const head = [...lead].slice(0, cut).join('');
        const tail = [...lead].slice(cut).join('');
        const text = [
          '某某市2021年政务公开工作实施方案',
          '  一、加强政策解读',
          '',
          '  （一）提升解读质量。严格落实解读材料与政策文件同步起草、同',
          `步审签、同步发布要求，丰富图表图解等解读形式，${opening}${head}`,
          `${tail}${verb}，${helpers.join('、')}配合，年底前完成。`,
          '',
          '  （二）做好政策解读（办公室负责）。',
          '',
        ].join('\n');
        const read = await readNoticeBytes(Buffer.from(text));
        if (!read.ok) throw new Error(read.message);
        const item = read.notice.items[0]!;
        expect(rolesOf(item), `${head}|${tail} ${opening}…${verb}`).toEqual(want([[role, [lead]], ['cooperate', helpers]]));
        expect(item.due).toBe('2021-12-31');
      }
    }
  });
});

describe('a bracket of names and the deadline, no role word (judge13: （医药服务管理处，长期坚持）)', () => {
  const DEADLINES: [string, string][] = [
    ['长期坚持', 'ongoing'],
    ['持续推进', 'ongoing'],
    ['6月底前完成', '2024-06-30'],
    ['2024年9月底前', '2024-09-30'],
    ['按财政部门统一时间公开', 'unknown'],
    ['收到申请后10个工作日内', 'unknown'],
  ];
  it.each(SEEDS)('variant %i: the names are responsible (one sole, several joint), the deadline is read', async (seed) => {
    const [names] = lists(seed);
    const [deadline, due] = DEADLINES[seed % DEADLINES.length]!;
    const comma = seed % 3 === 0 ? ',' : '，';
    const [open, close] = seed % 2 ? ['（', '）'] : ['(', ')'];
    const before = seed % 4 < 2 ? `，` : '';
    const item = await importOne(`公开年度预算和决算${comma}推动各项政策措施落地见效${before}${open}${names.join('、')}${comma}${deadline}${close}。`);
    expect(rolesOf(item)).toEqual(want([[names.length > 1 ? 'joint' : 'sole', names]]));
    expect(item.ongoing ? 'ongoing' : (item.due ?? 'unknown')).toBe(due);
    expect(item.dueText).toBe(deadline);
  });
});

describe('a clause whose copy lost a comma after a role word, a blank in its place (judge8, judge11)', () => {
  const BLANKS = [' ', '  ', '\u3000', '\t'];
  it.each(SEEDS)('variant %i: the blank ends the part, as the comma did', async (seed) => {
    const [main, helpers] = lists(seed);
    const blank = BLANKS[seed % BLANKS.length]!;
    const [deadline, due] = seed % 2 ? ['年底前完成', '2024-12-31'] : ['6月底前完成', '2024-06-30'];
    const bracketed = await importOne(`及时回应群众关切的热点问题${seed % 3 ? '（' : '('}${main.join('、')}牵头${blank}${helpers.join('、')}配合${seed % 3 ? '）' : ')'}。`);
    expect(rolesOf(bracketed)).toEqual(want([['lead', main], ['cooperate', helpers]]));
    // At the end of the words, after parts that are the clause's too (海关 is a body's ending, as 局 is).
    const trailing = await importOne(`将政务公开纳入年度绩效考核，各隶属海关、${helpers.join('、')}按职责分工负责，${main.join('、')}牵头${blank}${deadline}。`);
    expect(rolesOf(trailing)).toEqual(want([['lead', main], ['joint', ['各隶属海关', ...helpers]]]));
    expect(trailing.due).toBe(due);
  });
});

describe('deadline words in the text before the verb of what is done by then (judge14)', () => {
  const DATES: [string, string][] = [['上半年', '2024-06-30'], ['三季度', '2024-09-30'], ['6月底前', '2024-06-30'], ['年中', '2024-06-30'], ['10月中旬', '2024-10-20'], ['第一季度', '2024-03-31']];
  const VERBS = ['建立', '完善', '更新', '推行', '上报', '梳理', '清理', '整改', '评估', '开设'];
  it.each(SEEDS)('variant %i: the date is the due, wherever the line wraps', async (seed) => {
    const [words, due] = DATES[seed % DATES.length]!;
    const verb = VERBS[seed % VERBS.length]!;
    const task = `推进行政复议决定书网上公开，${words}${verb}行政复议决定书公开目录并动态更新`;
    // pdftotext wraps where the width ends: anywhere in the words after the date.
    const cut = task.length - 1 - (seed % 8);
    const item = await importOne(`${task.slice(0, cut)}\n${task.slice(cut)}。（财务处牵头，各县（市、区）政府配合）`);
    expect(item.due, task).toBe(due);
  });

  it('a task that opens with how often (每季度公开…) is the words a clause covers, not deadline words', async () => {
    for (const often of ['每季度', '每月', '定期']) {
      const item = await importOne(`按月公开空气质量排名，由财务处负责；${often}公开重点排污单位监督性监测结果，由审计室牵头，市直各有关单位配合。`);
      expect(item.dueText ?? '', often).not.toContain('监测结果');
      expect(item.assignments.find((a) => a.name === '审计室')?.scope, often).toMatch(new RegExp(`^${often}公开重点`));
    }
  });

  it.each(['做到信息常态化更新', '实现政务公开常态化', '确保专栏全年动态更新', '并长期坚持'])('%s, as the last words: ongoing', async (words) => {
    const item = await importOne(`加强政府信息公开专栏管理，由党政办负责，${words}。`);
    expect(item.ongoing).toBe(true);
  });
});

describe('a task table copied one cell per line, a task cell with a date inside (judge10)', () => {
  const DATED = ['8月前完成年中通报', '6月底前公开上年度决算', '三季度开展一次检查', '2024年9月底前完成更新'];
  it.each(SEEDS.slice(0, 8))('variant %i: the task cell is the task, not the deadline', async (seed) => {
    const [names] = lists(seed);
    const comma = seed % 2 ? ',' : '，';
    const rows = [
      ['1', '公开就业补贴政策清单。', '财务处牵头，信息中心配合'],
      ['2', `公开根治欠薪工作进展${comma}${DATED[seed % DATED.length]}。`, names.join('、')],
      ['3', '编制政府信息公开工作年度报告。', '办公室'],
    ];
    const text = ['某某局2024年政务公开重点任务责任清单', '序号', '重点任务', '责任单位', ...rows.flat(), ''].join('\n');
    const read = await readNoticeBytes(Buffer.from(text));
    if (!read.ok) throw new Error(read.message);
    expect(read.notice.items.map((i) => i.number)).toEqual(['1', '2', '3']);
    const item = read.notice.items[1]!;
    expect(item.text).toContain('公开根治欠薪工作进展');
    expect(rolesOf(item)).toEqual(want([[names.length > 1 ? 'joint' : 'sole', names]]));
  });
});

describe('scoped parts whose role word is followed by what is done (judge8: 〔X由A负责公开;Y由B负责公开〕)', () => {
  it.each(SEEDS.slice(0, 12))('variant %i: each body answers for its own scope', async (seed) => {
    const [first, second] = lists(seed);
    const action = ['公开', '发布', '办理', '组织实施'][seed % 4];
    const sep = seed % 2 ? ';' : '；';
    const item = await importOne(`及时公布行政处罚案件信息〔行政处罚决定由${first[0]}负责${action}${sep}涉及企业信用的由${second[0]}负责${action}〕。`);
    expect(item.assignments.map((a) => `${a.scope}:${a.name}/${a.role}`)).toEqual([`行政处罚决定:${ascii(first[0]!)}/sole`, `涉及企业信用的:${ascii(second[0]!)}/sole`]);
  });
});

describe('bodies named by their ending (海关, a community 专干) in a bare bracket (judge8)', () => {
  const NAMES = ['社区民政专干', '残协专干', '各隶属海关', '青岛大港海关'];
  it.each(SEEDS.slice(0, 8))('variant %i: a bracket of such names is responsible', async (seed) => {
    const names = seed % 2 ? [NAMES[seed % 4]!] : [NAMES[seed % 4]!, NAMES[(seed + 1) % 4]!];
    const [open, close] = seed % 3 ? ['（', '）'] : ['(', ')'];
    const item = await importOne(`公开低保、临时救助等民生政策落实情况，每月更新${open}${names.join('、')}${close}。`);
    expect(rolesOf(item)).toEqual(want([[names.length > 1 ? 'joint' : 'sole', names]]));
  });
});
