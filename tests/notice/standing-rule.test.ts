import { describe, expect, it } from 'vitest';
import { standingRule, unreadStandingRule } from '../../src/notice/clause/standing-rule.js';
import { parseResponsibility } from '../../src/notice/clause/grammar.js';
import { readNoticeBytes } from '../../src/notice/index.js';
import { inventedNames, pick, random } from './corpus/invented.js';

/** DOMAIN.md F6: a standing rule's wordings → its clause, read by the same grammar as every clause. */
describe('standing rules', () => {
  it.each([
    ['以下工作均需各街道落实,不再列出。', '各街道按职责分工落实'],
    ['以下各项工作，各镇(街)均需按职责分工落实，不再一一列出。', '各镇(街)按职责分工落实'],
    ['以下工作各区政府均为责任单位，不再列出', '各区政府按职责分工负责'],
    ['各镇（街道）要结合实际抓好落实，以下不再一一列出。', '各镇（街道）按职责分工落实'],
    ['区政府各部门配合以下各项工作,不再逐项列出', '区政府各部门配合'],
    ['以下任务均由各镇(街道)负责落实,不再单独列出', '各镇(街道)负责落实'],
    ['以下各项任务的责任单位均包括各街道，不再一一列出', '各街道按职责分工负责'],
    ['各街道、区直各部门要结合职能做好相关工作，以下不再列出', '各街道、区直各部门按职责分工负责'],
    ['各街道办事处对照本要点抓好落实，下文不再逐项列出', '各街道办事处按职责分工负责'],
    ['区属各单位参照执行以下各项任务，不再列出', '区属各单位按职责分工负责'],
  ])('%s → %s', (sentence, clause) => {
    expect(standingRule(sentence)).toBe(clause);
  });
  it('a sentence that only mentions listing is no rule', () => {
    expect(standingRule('各项任务要列出清单，逐项推进。')).toBeUndefined();
  });

  // One body that coordinates every task, said once in brackets under the title (or as a plain sentence): it leads each item.
  const rand = random(39);
  const rules = Array.from({ length: 24 }, (_, i) => {
    const name = inventedNames(rand, 1, pick(rand, ['市', '县', '区', '']))[0]!;
    const opening = pick(rand, ['以下各项工作，', '以下工作', '下列各项任务']);
    const verb = pick(rand, ['均负责统筹协调', '负责统筹协调', '统筹推进', '均牵头', '统筹协调']);
    const mark = pick(rand, ['，不再列出', '，不再一一列出', '，下文不再逐项标注']);
    const [open, close] = i % 3 === 0 ? ['', ''] : pick(rand, [['（', '）'], ['(', ')']] as const);
    return { name, sentence: `${open}${opening}${name}${verb}${mark}${close}` };
  });
  it.each(rules.map((r) => [r.sentence, r.name] as const))('%s → %s leads', (sentence, name) => {
    const clause = standingRule(sentence);
    const parsed = parseResponsibility(clause ?? '');
    expect(parsed.ok && parsed.assignments).toEqual([{ name, role: 'lead' }]);
    expect(unreadStandingRule(sentence)).toBeUndefined();
  });
  it('a rule in brackets under the title adds its body to every item, beside the item\'s own', async () => {
    const [rule, other] = [rules[1]!, rules[2]!];
    const text = `某市2018年政务公开工作要点\n${rule.sentence}\n一、推进决策公开\n1.公开重大决策事项（${other.name}负责）。\n2.公开决策草案，7月底前完成（${other.name}牵头）。\n`;
    const read = await readNoticeBytes(Buffer.from(text));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const roles = read.notice.items.map((it) => it.assignments.map((a) => `${a.name}:${a.role}`).sort());
    expect(roles).toEqual([[`${other.name}:sole`, `${rule.name}:lead`].sort(), [`${other.name}:lead`, `${rule.name}:lead`].sort()]);
  });
  it('a rule\'s mark with role words that cannot be read is flagged, even naming one body', () => {
    expect(unreadStandingRule('（以下各项工作的牵头单位视情况另行通知，不再列出）')).toBeDefined();
  });
});

/**
 * A standing rule on a line under a part's heading that names who leads and who carries out
 * (`以下各项由A统筹，B、C分别负责，不再逐项列出`): the heading's clause said as a sentence. Each
 * item under it takes it; an item's own bracket adds to it, and an item naming its own lead keeps its own.
 */
describe('a standing rule with a lead under a heading', () => {
  const rand = random(80);
  const cases = Array.from({ length: 24 }, () => {
    const prefix = pick(rand, ['县', '市', '区']);
    const [lead, own, other, helper] = inventedNames(rand, 4, prefix);
    const groups = pick(rand, [[`${prefix}直相关部门`], [`${prefix}直各有关单位`, '各乡（镇）人民政府'], ['各街道办事处'], [`${prefix}直相关部门`, '各镇（街道）']]);
    const opening = pick(rand, ['以下各项由', '以下各项工作由', '下列任务由', '本部分各项工作由', '以下工作均由']);
    const leadVerb = pick(rand, ['统筹', '牵头', '负责统筹', '统筹协调']);
    const jointVerb = pick(rand, ['分别负责', '按职责分工负责', '负责落实']);
    const mark = pick(rand, ['不再逐项列出', '不再一一列出', '下文不再列出']);
    const comma = pick(rand, ['，', ',']);
    // On a line of its own under the heading, its mark a sentence of its own, or in brackets at the heading's end.
    const where = pick(rand, ['line', 'line', 'mark apart', 'brackets'] as const);
    const said = `${opening}${lead}${leadVerb}${comma}${groups.join('、')}${jointVerb}`;
    const heading = '二、加强民生信息公开';
    const rule =
      where === 'brackets' ? `${heading}（${said}${comma}${mark}）` : where === 'mark apart' ? `${heading}\n${said}。${mark}。` : `${heading}\n${said}${comma}${mark}${pick(rand, ['。', ''])}`;
    return { lead: lead!, own: own!, other: other!, helper: helper!, groups: groups.map((g) => g.replace(/（/g, '(').replace(/）/g, ')')), rule };
  });
  it.each(cases.map((c) => [c.rule.replace('\n', ' ⏎ '), c] as const))('%s', async (_, { lead, own, other, helper, groups, rule }) => {
    const text = `某县2023年政务公开工作要点\n一、推进决策公开（${other}负责）\n1．公开重大决策事项。\n${rule}\n2．公开就业、教育、医疗等民生信息，全年动态更新。\n3．公开保障性住房分配情况，年底前完成。（${helper}配合）\n4．公开城乡低保资金发放情况，按季度更新。（${own}牵头，${helper}配合）\n`;
    const read = await readNoticeBytes(Buffer.from(text));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const roles = read.notice.items.map((it) => it.assignments.map((a) => `${a.name}:${a.role}`).sort());
    const underRule = [`${lead}:lead`, ...groups.map((g) => `${g}:joint`)];
    expect(roles).toEqual([[`${other}:sole`], underRule.sort(), [...underRule, `${helper}:cooperate`].sort(), [`${own}:lead`, `${helper}:cooperate`].sort()]);
    for (const item of read.notice.items) expect(item.problems).toEqual([]);
  });
  it('a rule that only adds bodies (以下工作均需各街道落实) leaves an item with no clause of its own flagged, and adds to one with', async () => {
    const text = `某区2023年政务公开工作要点\n一、加强民生信息公开\n以下工作均需各街道落实，不再列出。\n1．公开就业信息。\n2．公开低保信息。（区民政局负责）\n`;
    const read = await readNoticeBytes(Buffer.from(text));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [first, second] = read.notice.items;
    expect(first!.rolesUnsure).toBe(true);
    expect(second!.assignments.map((a) => `${a.name}:${a.role}`)).toEqual(['区民政局:sole', '各街道:joint']);
  });
});
