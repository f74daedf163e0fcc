import { describe, expect, it } from 'vitest';
import { isGroupName } from '../../src/notice/clause/names.js';
import { groupFromName, guessKind } from '../../src/notice/default-groups.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Groups a notice names (DOMAIN.md, Groups): the office's own departments in general (有关部门, 各处室,
 * 市政府各部门) are inside the office; governments below it (各区县人民政府, 有关乡镇, 各街道办事处) are
 * outside. 各… is every one of them, 有关…/相关… some. And what `validate` suggests for a group naming
 * some (write who they are in resolve) is accepted when the user does it.
 */

const LEVELS = ['', '市', '县', '区', '省', '市政府', '县直', '市级', '区直'];
const INSIDE: [string, 'all' | 'some'][] = [
  ['有关部门', 'some'],
  ['各有关部门', 'some'],
  // Any run of 各/有关/相关 before 部门/单位 (市级各相关部门, judge18): a group, not a department.
  ['各相关部门', 'some'],
  ['各相关单位', 'some'],
  ['相关各部门', 'some'],
  ['相关处室', 'some'],
  ['各部门', 'all'],
  ['各处室', 'all'],
  ['有关科室', 'some'],
  ['各单位', 'all'],
  // A leading group's member units, and the department that drafted the document in question: some, not named.
  ['政务公开领导小组各成员单位', 'some'],
  ['起草处室', 'some'],
  ['起草单位', 'some'],
  ['制发司局', 'some'],
  ['制发处(室)', 'some'],
  // An alias in brackets after the group does not make it another kind.
  ['各处室(局)', 'all'],
];
const OUTSIDE: [string, 'all' | 'some'][] = [
  ['各区县人民政府', 'all'],
  ['各县(市、区)政府', 'all'],
  ['各县（市、区）', 'all'],
  ['各乡镇人民政府', 'all'],
  ['有关乡镇', 'some'],
  ['各街道办事处', 'all'],
  ['有关区县政府', 'some'],
  ['各镇(街道)', 'all'],
];

describe('a group is inside the office or outside it, by its words', () => {
  for (const level of LEVELS) {
    // 处室/科室 are one office's own: no level is written before them.
    it.each(INSIDE.filter(([words]) => !level || /^(?:各|有关|相关)+(?:部门|单位)$/.test(words)))(`${level}%s is the office's own departments`, (words, members) => {
      const group = groupFromName(`${level}${words}`);
      expect(group).toMatchObject({ members });
      expect(group!.kind).not.toBe('external');
    });
  }
  // A kind of the office's own departments between 各/有关 and 科室/处室 (a hospital's 各临床科室, judge18): its own, some of them.
  it.each(['各临床科室', '各医技科室', '各业务科室', '各职能处室', '有关业务科室', '各业务处室', '各内设股室', '相关职能司局'])('%s is some of the office\'s own departments', (name) => {
    expect(groupFromName(name)).toMatchObject({ kind: 'internal', members: 'some' });
  });
  it.each(OUTSIDE)('%s is outside it', (name, members) => {
    expect(groupFromName(name)).toMatchObject({ kind: 'external', members });
  });

  it.each(['某区人民政府', '某县政府', '城关镇', '东湖街道办事处', '青石乡'])('%s, a government below the office, is outside it', (name) => {
    expect(guessKind([name])).toBe('external');
  });
  it.each(['县政府办公室', '市财政局', '区信息中心'])('%s is not', (name) => {
    expect(guessKind([name])).not.toBe('external');
  });
});

describe('validate suggests resolve for a group naming some; doing it is accepted', () => {
  const CASES = [
    { group: '市有关部门', who: ['市财政局'] },
    { group: '相关处室', who: ['市财政局', '市发改委'] },
    { group: '有关区县政府', who: ['甲区人民政府'] },
    { group: '有关乡镇', who: ['青石镇', '白云乡'] },
  ];
  it.each(CASES)('$group = $who', async ({ group, who }) => {
    const notice = [
      '某市2026年政务公开工作要点',
      '一、推进重点领域信息公开',
      `1. 公开财政预决算信息。（市财政局牵头，${who.filter((w) => !w.startsWith('市')).join('、') || '市发改委'}配合）`,
      `2. 公开重大建设项目信息。（市发改委牵头，${group}配合）`,
    ].join('\n');
    const dir = tempDir({ 'notice.txt': notice });
    await runCli(['import', 'notice.txt', '-o', 'ledger.yaml'], { cwd: dir });
    const before = JSON.parse((await runCli(['validate', '--format', 'json', '--ledger', 'ledger.yaml'], { cwd: dir })).out).diagnostics as { code: string; message: string }[];
    expect(before.filter((d) => d.code === 'UNRESOLVED_GROUP').map((d) => d.message)).toEqual([expect.stringContaining(`「${group}」未指明具体部门，可在 resolve 中写明`)]);
    const set = await runCli(['set', '2', '--resolve', `${group}=${who.join(',')}`, '--ledger', 'ledger.yaml'], { cwd: dir });
    expect(set.code, set.err).toBe(0);
    const after = await runCli(['validate', '--format', 'json', '--ledger', 'ledger.yaml'], { cwd: dir });
    const diagnostics = JSON.parse(after.out).diagnostics as { code: string; severity: string }[];
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.code)).not.toContain('UNRESOLVED_GROUP');
  });
});

describe('the bodies under an office taken together', () => {
  it('are a group whichever word says "under" and whichever word says "body" (直属单位, 下属机构, 所属企业, 直管部门…)', () => {
    for (const under of ['直属', '下属', '所属', '直管']) {
      for (const body of ['单位', '机构', '企业', '部门']) expect(isGroupName(under + body), under + body).toBe(true);
    }
    // A named body under an office is one body, not a group.
    expect(isGroupName('直属机关党委')).toBe(false);
    expect(isGroupName('信息中心')).toBe(false);
  });
});
