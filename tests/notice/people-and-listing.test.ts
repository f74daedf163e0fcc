import { describe, expect, it } from 'vitest';
import { parseResponsibility } from '../../src/notice/clause/grammar.js';
import { firstListedRule } from '../../src/notice/clause/first-listed.js';
import { readNotice } from '../../src/notice/read-notice.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

/**
 * People labels (责任领导, 联系人, 电话 … — DOMAIN.md: people columns are never bodies) among an item's labels:
 * on lines of their own, inside one bracket, after blanks or glued to the name before them, in any position.
 * Each ends the label before it and names no body.
 */
describe('people labels end the label before them', () => {
  const rand = random(516);
  const PEOPLE = ['责任领导', '分管领导', '联系人', '联络员', '联系电话', '手机', '责任人', '分管负责人', '联系人及电话'];
  const VALUES = ['张某某', '王某　027-87576000', '李某，13900001111', '刘某（副处长）', '027-87576000'];
  const cases = Array.from({ length: 40 }, (_, i) => {
    const [lead, ...others] = inventedNames(rand, 3, pick(rand, ['市', '县', '']));
    const cooperate = others.slice(0, 1 + (i % 2));
    const people = Array.from({ length: 1 + (i % 3) }, () => `${pick(rand, PEOPLE)}：${pick(rand, VALUES)}`);
    const labels = [`牵头单位：${lead}`, `配合单位：${cooperate.join(pick(rand, ['、', '，']))}`];
    // People lines after the roles, between them, or first; the deadline before or after them.
    const at = i % 3;
    const lines = at === 0 ? [...labels, ...people] : at === 1 ? [labels[0]!, ...people, labels[1]!] : [...people, ...labels];
    if (i % 4 === 0) lines.push('完成时限：长期坚持');
    else lines.splice(Math.min(lines.length, 2), 0, '完成时限：2024年6月底前');
    const form = i % 5;
    const body =
      form === 0 ? `\n${lines.join('\n')}` : form === 1 ? `（${lines.join('；')}）` : form === 2 ? `（${lines.join('　')}）` : form === 3 ? `\n${lines.map((l) => `　　${l}`).join('\n')}` : `\n${lines.join('\n')}`;
    return { name: `${form}/${at}: ${body.replace(/\n/g, '⏎')}`, text: `某局2024年政务公开工作任务分工\n一、加强公开\n1.${inventedText(rand)}${body}\n2.做好年度报告工作。（${lead}）\n`, want: `lead:${lead} joint: sole: cooperate:${cooperate.join('、')}` };
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, { text, want }) => {
    const notice = readNotice(text);
    expect(roles(notice.items[0])).toBe(want);
    expect(notice.items[0]!.problems).toEqual([]);
    expect(notice.items).toHaveLength(2);
  });

  it('a people label glued to the name before it (a copy that lost the line break) is cut off', () => {
    for (const [clause, cooperate] of [
      ['牵头单位：疾控处；配合单位：宣传处，应急办责任领导：张某某联系人：王某027-87576000', '宣传处、应急办'],
      ['牵头单位：疾控处；配合单位：各直属单位联系人：刘某', '各直属单位'],
      ['疾控处牵头，办公室配合，联系人：王某，027-1234', '办公室'],
    ] as const) {
      const parsed = parseResponsibility(clause);
      expect(parsed.ok && parsed.assignments.filter((a) => a.role === 'cooperate').map((a) => a.name).join('、'), clause).toBe(cooperate);
    }
  });
});

/**
 * A standing rule that the first name of every list leads (beyond the catalogue): `各项任务中列第一位的为牵头单位，其他为
 * 配合单位`. The others take the role the rule's words give them; a list with role words of its own keeps them.
 */
describe('the first-listed body leads', () => {
  const FIRST = ['列第一位的为牵头单位', '排在第一位的单位为牵头单位', '排在首位的为牵头单位', '第一个单位为牵头单位', '列在首位的部门为牵头部门', '排名第一的单位牵头'];
  const OTHERS: [string, 'cooperate' | 'joint'][] = [
    ['其他为配合单位', 'cooperate'],
    ['其余为配合单位', 'cooperate'],
    ['其他单位为协办单位', 'cooperate'],
    ['其余单位为责任单位', 'joint'],
    ['其他为责任单位', 'joint'],
  ];
  const rand = random(39);
  const cases = Array.from({ length: 30 }, (_, i) => {
    const [first, others] = [pick(rand, FIRST), OTHERS[i % OTHERS.length]!];
    const rule = `${pick(rand, ['各项任务中', '', '涉及多个单位的，', '每项任务'])}${first}，${others[0]}`;
    const where = i % 3;
    const names = inventedNames(rand, 4, pick(rand, ['省', '市', '县']));
    const head = where === 0 ? `某省2024年政务公开工作要点\n　　（${rule}；不再另行说明）\n` : where === 1 ? `某省2024年政务公开工作要点\n${rule}。\n` : '某省2024年政务公开工作要点\n';
    const heading = where === 2 ? `一、加强公开（${rule}）` : '一、加强公开';
    const items = [
      `（一）${inventedText(rand)}（${names.slice(0, 3).join('、')}）`,
      `（二）${inventedText(rand)}（${names[3]}）`,
      `（三）${inventedText(rand)}（${names[1]}负责，${names[2]}配合）`,
    ];
    const lead = names[0]!;
    const rest = names.slice(1, 3).join('、');
    const want = [
      `lead:${lead} joint:${others[1] === 'joint' ? rest : ''} sole: cooperate:${others[1] === 'cooperate' ? rest : ''}`,
      `lead:${names[3]} joint: sole: cooperate:`,
      `lead: joint: sole:${names[1]} cooperate:${names[2]}`,
    ];
    return { name: `${where}: ${rule}`, text: `${head}${heading}\n${items.join('\n')}\n`, want };
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, { text, want }) => {
    const notice = readNotice(text);
    expect(notice.items.map(roles)).toEqual(want);
    expect(notice.items.flatMap((i) => i.problems)).toEqual([]);
    // The clause written says the roles given (validate reads it back).
    for (const item of notice.items) {
      const parsed = parseResponsibility(item.clause);
      expect(parsed.ok && roles({ ...item, assignments: parsed.assignments })).toBe(roles(item));
    }
  });
  it('words that only mention a first place are no rule', () => {
    for (const words of ['排在全省第一位', '争创全国第一', '第一时间公开']) expect(firstListedRule(words)).toBeUndefined();
  });
});

/** A standing rule added to an item whose own clause is a bare name: the clause written reads back as the roles given. */
describe('a standing rule over a bare name', () => {
  const rand = random(3);
  it.each(Array.from({ length: 12 }, (_, i) => i))('variant %i', (i) => {
    const [own, second, ruled] = inventedNames(rand, 3, '省');
    const rule = pick(rand, [`以下各项工作均需${ruled}配合落实，不再逐项列出。`, `以下各项工作，${ruled}按职责分工落实，不再一一列出。`]);
    const clause = i % 2 ? own! : `${own}、${second}`;
    const notice = readNotice(`某省2024年政务公开工作要点\n　　${rule}\n一、加强公开\n（一）${inventedText(rand)}（${clause}）\n`);
    const item = notice.items[0]!;
    const parsed = parseResponsibility(item.clause);
    expect(parsed.ok && roles({ ...item, assignments: parsed.assignments })).toBe(roles(item));
    expect(item.assignments.find((a) => a.name === own)?.role).toBe(i % 2 ? 'sole' : 'joint');
  });
});
