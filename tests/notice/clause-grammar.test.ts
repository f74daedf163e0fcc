import { describe, expect, it } from 'vitest';
import { parseResponsibility } from '../../src/notice/clause/grammar.js';
import { readNoticeBytes } from '../../src/notice/index.js';
import { inventedNames, pick, random } from './corpus/invented.js';

/** `name/role` or `scope:name/role`, in clause order. */
function roles(clause: string): string[] {
  const parsed = parseResponsibility(clause);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.assignments.map((a) => `${a.scope ? `${a.scope}:` : ''}${a.name}/${a.role}`);
}

describe('parseResponsibility', () => {
  it('reads lead and cooperate', () => {
    expect(roles('政策法规司牵头,信息中心配合')).toEqual(['政策法规司/lead', '信息中心/cooperate']);
  });
  it('reads a joint list', () => {
    expect(roles('规划财务司、基层政权建设和社区治理司、养老服务司按职责分工负责')).toEqual([
      '规划财务司/joint',
      '基层政权建设和社区治理司/joint',
      '养老服务司/joint',
    ]);
  });
  it('reads a bare name as sole owner, and 负责 as sole', () => {
    expect(roles('规划财务司')).toEqual(['规划财务司/sole']);
    expect(roles('有关承办司(局)负责,档案资料馆配合')).toEqual(['有关承办司(局)/sole', '档案资料馆/cooperate']);
  });
  it('reads a list with its lead marked in brackets (a 责任单位 cell): the others are 责任单位 beside the lead', () => {
    const others = [['规划发展部'], ['规划发展部', '法务部'], ['各事业总部'], ['财务部', '各区县（市）分公司']];
    const leads = ['建设总部', '办公室（董事会办公室）', '市府办〔市大数据局〕'];
    for (const lead of leads) {
      for (const rest of others) {
        for (const [open, close] of [['（', '）'], ['(', ')']]) {
          for (const sep of ['、', '\n', '，']) {
            for (const at of [0, 1]) {
              const names = [...rest];
              names.splice(at, 0, `${lead}${open}牵头${close}`);
              const ascii = (n: string) => n.replace(/[（〔]/g, '(').replace(/[）〕]/g, ')');
              const want = [`${ascii(lead)}/lead`, ...rest.map((n) => `${ascii(n)}/joint`)];
              const clause = names.join(sep);
              expect(roles(clause), clause).toEqual(want);
              const parsed = parseResponsibility(clause);
              expect(parsed.ok ? parsed.unsure : parsed.reason, clause).toEqual([]);
            }
          }
        }
      }
    }
    // Marks on the others too keep their own roles.
    expect(roles('各社区居委会（牵头）、社区服务中心（配合）')).toEqual(['各社区居委会/lead', '社区服务中心/cooperate']);
  });
  it('reads a list where a name marks itself as helping (A、B（配合）): the mark is that name\'s only, the others are 责任单位', () => {
    const rand = random(85);
    for (let n = 0; n < 60; n++) {
      const names = inventedNames(rand, 4, pick(rand, ['区', '县', '']));
      const unmarked = names.slice(0, 1 + Math.floor(rand() * 2));
      const helpers = names.slice(2, 3 + Math.floor(rand() * 2));
      const [open, close] = pick(rand, [['（', '）'], ['(', ')']]);
      const marks = helpers.map((h) => `${h}${open}${pick(rand, ['配合', '协同', '协办', '参与'])}${close}`);
      const lead = rand() < 0.3 ? [`${pick(rand, ['区府办', '县政府办公室'])}${open}牵头${close}`] : [];
      // The marked names anywhere in the list: after the others (the usual cell), before them, between them.
      const list = [...lead, ...unmarked];
      for (const mark of marks) list.splice(Math.floor(rand() * (list.length + 1)), 0, mark);
      const clause = list.join(pick(rand, ['、', '\n', '，']));
      const want = [
        ...lead.map((l) => `${l.slice(0, -4)}/lead`),
        ...unmarked.map((u) => `${u}/${lead.length || unmarked.length > 1 ? 'joint' : 'sole'}`),
        ...helpers.map((h) => `${h}/cooperate`),
      ];
      expect(roles(clause).sort(), clause).toEqual(want.sort());
      const parsed = parseResponsibility(clause);
      expect(parsed.ok ? parsed.unsure : parsed.reason, clause).toEqual([]);
    }
  });
  it('reads the governments of levels named before one 政府 (各市（县）、区人民政府) as one group, wherever it stands in a list', () => {
    const rand = random(74);
    const levels = ['市', '县', '区', '州', '旗', '乡', '镇'];
    for (let n = 0; n < 60; n++) {
      const [first, alt, last] = [pick(rand, levels), pick(rand, levels), pick(rand, levels)];
      const [open, close] = pick(rand, [['（', '）'], ['(', ')']]);
      const government = pick(rand, ['人民政府', '政府']);
      const group = rand() < 0.7 ? `各${first}${open}${alt}${close}、${last}${government}` : `各${first}、${last}${open}${alt}${close}${government}`;
      const others = inventedNames(rand, 2, pick(rand, ['市', '县', '']));
      const [clause, want] = pick(rand, [
        [`${others[0]}牵头，${group}配合`, [`${others[0]}/lead`, `GROUP/cooperate`]],
        [`${others[0]}、${group}按职责分工负责`, [`${others[0]}/joint`, `GROUP/joint`]],
        [`${others[0]}会同${others[1]}负责，${group}配合`, [`${others[0]}/sole`, `${others[1]}/cooperate`, `GROUP/cooperate`]],
        [`${group}、${others[1]}分别负责`, [`GROUP/joint`, `${others[1]}/joint`]],
      ] as [string, string[]][]);
      const name = group.replace(/（/g, '(').replace(/）/g, ')');
      expect(roles(clause), clause).toEqual(want.map((w) => w.replace('GROUP', name)));
    }
  });
  it('reads a body that oversees, guides or urges the work beside one that does it (纪委办公室监督) as cooperating, never as a name with the verb', () => {
    const rand = random(83);
    for (let n = 0; n < 60; n++) {
      const [doer, helper, watcher, second] = inventedNames(rand, 4, pick(rand, ['', '县', '院']));
      const verb = pick(rand, ['监督', '指导', '督促落实', '负责监督', '督导', '督查', '加强指导', '监督检查', '全程监督']);
      const watchers = rand() < 0.3 ? `${watcher}、${second}` : watcher!;
      const comma = pick(rand, ['，', ',', '；']);
      const [first, want] = pick(rand, [
        [`${doer}牵头`, [`${doer}/lead`]],
        [`${doer}负责`, [`${doer}/sole`]],
        [`由${doer}负责`, [`${doer}/sole`]],
        [`${doer}牵头${comma}${helper}配合`, [`${doer}/lead`, `${helper}/cooperate`]],
      ] as [string, string[]][]);
      const clause = pick(rand, [
        `${first}${comma}${watchers}${verb}`,
        `${first}${comma}${watchers}${verb}${comma}${pick(rand, [helper, second])}配合`,
        `${watchers}${verb}${comma}${first}`,
      ]);
      const parsed = parseResponsibility(clause);
      expect(parsed.ok && parsed.unsure, clause).toEqual([]);
      const got = roles(clause);
      expect(got, clause).toEqual(expect.arrayContaining(want));
      expect(got.some((r) => r.includes(verb.slice(-2))), clause).toBe(false);
      for (const w of watchers.split('、')) expect(got, clause).toContain(`${w}/cooperate`);
    }
  });
  it('reads scoped leads', () => {
    expect(roles('规章由政策法规司牵头、规范性文件由制发司(局)牵头,各有关司(局)、信息中心、档案资料馆配合')).toEqual([
      '规章:政策法规司/lead',
      '规范性文件:制发司(局)/lead',
      '各有关司(局)/cooperate',
      '信息中心/cooperate',
      '档案资料馆/cooperate',
    ]);
  });
  it('reads co-leads with a 合署 name', () => {
    expect(roles('办公厅(国际合作司)、政策法规司牵头,各有关司(局)配合')).toEqual(['办公厅(国际合作司)/lead', '政策法规司/lead', '各有关司(局)/cooperate']);
  });
  it('reads all three roles at once, in full-width punctuation and brackets', () => {
    expect(roles('〔办公厅（国际合作司）牵头，各有关司（局）按职责分工负责，信息中心配合〕')).toEqual([
      '办公厅(国际合作司)/lead',
      '各有关司(局)/joint',
      '信息中心/cooperate',
    ]);
  });
  it('gives a reason instead of guessing', () => {
    expect(parseResponsibility('')).toEqual({ ok: false, reason: '责任分工为空' });
    expect(parseResponsibility('政策法规司(牵头')).toMatchObject({ ok: false });
    expect(parseResponsibility('规章由政策法规司')).toMatchObject({ ok: false });
  });

  it('reads the role words of other offices', () => {
    expect(roles('审批处、人事处分别牵头,各有关处室、民服中心,省信息中心运维九部配合')).toEqual([
      '审批处/lead',
      '人事处/lead',
      '各有关处室/cooperate',
      '民服中心/cooperate',
      '省信息中心运维九部/cooperate',
    ]);
    expect(roles('救助处、养老处分别负责')).toEqual(['救助处/joint', '养老处/joint']);
    expect(roles('市财政局牵头落实')).toEqual(['市财政局/lead']);
    expect(roles('人事处负责落实')).toEqual(['人事处/sole']);
    // No 牵头 is written: A's task, B cooperating (as A负责，B配合); with 牵头 A leads.
    expect(roles('市财政局会同市发展改革委落实')).toEqual(['市财政局/sole', '市发展改革委/cooperate']);
    expect(roles('市财政局牵头会同市发展改革委落实')).toEqual(['市财政局/lead', '市发展改革委/cooperate']);
    expect(roles('由办公室会同条法处、新闻中心组织实施')).toEqual(['办公室/sole', '条法处/cooperate', '新闻中心/cooperate']);
    expect(roles('债务管理处会国库处办理')).toEqual(['债务管理处/lead', '国库处/cooperate']);
    // Role words written after a name in brackets, or parts joined by 、 after a role word.
    expect(roles('各社区居委会（牵头），社区服务中心（配合）')).toEqual(['各社区居委会/lead', '社区服务中心/cooperate']);
    expect(roles('宣传处牵头、应急办配合')).toEqual(['宣传处/lead', '应急办/cooperate']);
    // The governments of each level named with 、 between levels: one group, not 各区 and a 县(市)政府.
    expect(roles('市自然资源和规划局负责，各区、县（市）政府配合')).toEqual(['市自然资源和规划局/sole', '各区、县(市)政府/cooperate']);
    expect(roles('各镇、县直各部门配合')).toEqual(['各镇/cooperate', '县直各部门/cooperate']);
    // One body's own task once; a second body alone with 落实 does its part (joint). A deadline part may say what is done by then.
    expect(roles('纳税服务科负责，各区县（市）税务局落实')).toEqual(['纳税服务科/sole', '各区县(市)税务局/joint']);
    expect(roles('风险监测司牵头，消防救援局配合，2024年6月底前完成平台对接')).toEqual(['风险监测司/lead', '消防救援局/cooperate']);
    // Under a label, a name with its role in brackets leads; the others hold the label's role (never the next label's).
    expect(roles('责任部门:医学工程处（牵头）、采购中心；协同部门:审计处')).toEqual(['医学工程处/lead', '采购中心/joint', '审计处/cooperate']);
    expect(roles('宣传处会办公室')).toEqual(['宣传处/lead', '办公室/cooperate']);
    expect(roles('市人大常委会法制办')).toEqual(['市人大常委会法制办/sole']);
    expect(roles('应急处、监督处、疾控处等按职责分工落实')).toEqual(['应急处/joint', '监督处/joint', '疾控处/joint']);
    expect(roles('市档案馆、市图书馆负责')).toEqual(['市档案馆/joint', '市图书馆/joint']);
  });
  it('reads sentence clauses, labels and 及 between names', () => {
    expect(roles('此项工作由市委宣传部(市政府新闻办)负责,市有关部门及各县(市、区)政府配合。')).toEqual([
      '市委宣传部(市政府新闻办)/sole',
      '市有关部门/cooperate',
      '各县(市、区)政府/cooperate',
    ]);
    expect(roles('牵头单位:市政府办公厅、市政府法制办;责任单位:各区政府、市政府各部门')).toEqual([
      '市政府办公厅/lead',
      '市政府法制办/lead',
      '各区政府/joint',
      '市政府各部门/joint',
    ]);
    expect(roles('牵头单位:办公厅,责任单位:信息中心')).toEqual(['办公厅/lead', '信息中心/joint']);
    expect(roles('责任单位:疾控处')).toEqual(['疾控处/sole']);
  });
  it('reads Traditional script as Simplified', () => {
    expect(roles('政策法規司牽頭,資訊中心配合')).toEqual(['政策法规司/lead', '资讯中心/cooperate']);
    expect(roles('辦公廳(國際合作司)、社會救助司按職責分工負責')).toEqual(['办公厅(国际合作司)/joint', '社会救助司/joint']);
  });
  it('returns deadline words apart, and lists names it is unsure of', () => {
    expect(parseResponsibility('规划财务司负责,2021年6月底前完成')).toEqual({
      ok: true,
      assignments: [{ name: '规划财务司', role: 'sole' }],
      deadlineText: '2021年6月底前完成',
      unsure: [],
    });
    // Deadline words are never names, whatever their wording (DOMAIN.md F9).
    expect(parseResponsibility('办公室牵头,视情况而定')).toMatchObject({ ok: true, unsure: [], deadlineText: '视情况而定' });
    expect(parseResponsibility('(办公室负责,收到申请后10个工作日内)')).toMatchObject({ ok: true, assignments: [{ name: '办公室', role: 'sole' }], deadlineText: '收到申请后10个工作日内' });
  });
});

describe('an item of two sentences, each ending in its own comma-part clause', () => {
  it.each([
    ['公开矿权出让信息，矿权管理处牵头落实；公开灾害防治信息，地勘处牵头落实。', ['矿权管理处', '地勘处']],
    ['公开年度预算，计划财务处牵头；公开收费标准，后勤保障处牵头。', ['计划财务处', '后勤保障处']],
  ])('%s → both lead', async (line, names) => {
    const read = await readNoticeBytes(Buffer.from(`某局2024年政务公开工作要点\n一、重点工作\n1.${line}\n2.做好政策解读（办公室负责）。\n`));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.notice.items[0]!.assignments.filter((a) => a.role === 'lead').map((a) => a.name).sort()).toEqual([...names].sort());
  });
});
