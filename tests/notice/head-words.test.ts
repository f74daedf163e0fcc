import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random, type Rand } from './corpus/invented.js';

/**
 * The words of a clause that judge18 found read wrong, each built as its form over invented names (with and without a
 * level prefix, one or several), separators (、 or a comma), and places in the item (a bracket after the task, a sentence
 * after its full stop, `…，由…` in the sentence, a deadline after the clause):
 * - a head's word (统筹 and its family, 负总责) before bodies that answer for their share: the head leads, they share it;
 * - 主责 as a verb: the body answers for the work (as the label 主责单位 is read);
 * - a role mark in brackets after each name joined by 、 (`A（牵头）、B（配合）`);
 * - 按分工落实 and its family (按职能落实, 按职责落实, 按照分工推进 …): each does its share (joint).
 */
const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

const want = (lead: string[], joint: string[], sole: string[], cooperate: string[]) => `lead:${lead.join('、')} joint:${joint.join('、')} sole:${sole.join('、')} cooperate:${cooperate.join('、')}`;

/** The clause placed as notices place it, with or without a deadline after it. */
function placed(rand: Rand, clause: string, form: number): string {
  const text = inventedText(rand).replace(/。$/, '');
  const comma = pick(rand, [',', '，']);
  const deadline = pick(rand, ['', `${comma}6月底前完成`, `${comma}年底前完成`]);
  const said = clause.replace(/，/g, comma);
  switch (form % 4) {
    case 0:
      return `${text}（${said}）。`;
    case 1:
      return `${text}。${said.replace(/^由/, '')}${deadline}。`;
    case 2:
      return `${text}${comma}由${said.replace(/^由/, '')}${deadline}。`;
    default:
      return `${text}。此项工作由${said.replace(/^由/, '')}。`;
  }
}

function readOne(line: string): NoticeItem {
  const notice = readNotice(`某县2022年政务公开工作要点\n一、加强公开\n1、${line}\n2、做好政策解读（办公室负责）。\n`);
  return notice.items[0]!;
}

/** Disjoint lists of names: the head, those answering for their share, those helping. */
function bodies(rand: Rand, i: number): [string, string[], string[]] {
  const names = inventedNames(rand, 5, pick(rand, ['县', '市', '']));
  return [names[0]!, i % 2 ? [names[1]!] : [names[1]!, names[2]!], i % 3 ? [] : [names[3]!]];
}

const CASES = Array.from({ length: 24 }, (_, i) => i);

describe('a head\'s word before the bodies that answer for their share leads (统筹, 负总责: one list of lead words)', () => {
  const HEADS = ['统筹', '统筹协调', '统筹推进', '负责统筹', '负总责', '总负责', '牵头', '抓总'];
  const SHARES = ['具体负责', '负责', '按职责分工负责', '分别负责', '按分工落实', '具体落实', '落实'];
  const rand = random(18);
  it.each(CASES)('variant %i', (i) => {
    const [head, share, helpers] = bodies(rand, i);
    const headWord = HEADS[i % HEADS.length]!;
    const shareWord = pick(rand, SHARES);
    const join = pick(rand, ['、', '，']);
    const clause = `${head}${headWord}${join}${share.join('、')}${shareWord}${helpers.length ? `，${helpers.join('、')}配合` : ''}`;
    const line = placed(rand, clause, i);
    const item = readOne(line);
    expect(roles(item), line).toBe(want([head], share, [], helpers));
    expect(item.problems, line).toEqual([]);
  });

  it.each(CASES)('variant %i: 统筹 after the bodies that answer oversees (cooperates), as before', (i) => {
    const [head, share] = bodies(rand, i);
    const shareWord = pick(rand, ['负责', '分别负责', '按职责分工负责']);
    const clause = `${share.join('、')}${shareWord}，${head}${pick(rand, ['统筹', '统筹协调'])}`;
    const item = readOne(placed(rand, clause, i));
    const own = shareWord === '负责' && share.length === 1;
    expect(roles(item)).toBe(want([], own ? [] : share, own ? share : [], [head]));
  });

  it('beside a written lead, 统筹 oversees and 负总责 is the body\'s own part', () => {
    expect(roles(readOne('公开财政预算（财务处牵头，办公室统筹）。'))).toBe(want(['财务处'], [], [], ['办公室']));
    // With nobody answering for a share, 负总责 is the body's own task, and 统筹 alone names nobody: flagged.
    expect(roles(readOne('公开财政预算（财务处负总责，审计室监督）。'))).toBe(want([], [], ['财务处'], ['审计室']));
    expect(readOne('公开财政预算（办公室统筹，财务处配合）。').rolesUnsure).toBe(true);
  });
});

describe('主责 as a verb: the body answers for the work, as the label 主责单位 says', () => {
  const rand = random(19);
  it.each(CASES)('variant %i', (i) => {
    const [first, others, helpers] = bodies(rand, i);
    const main = i % 4 === 1 ? [first, ...others] : [first];
    const lead = i % 5 === 2 ? others : [];
    const clause = `${lead.length ? `${lead.join('、')}牵头，` : ''}由${main.join('、')}主责${helpers.length ? `，${helpers.join('、')}配合` : ''}`;
    const line = placed(rand, clause, i);
    const item = readOne(line);
    const shared = main.length > 1 || lead.length > 0;
    expect(roles(item), line).toBe(want(lead, shared ? main : [], shared ? [] : main, helpers));
    expect(item.text, line).not.toMatch(/主责/);
  });
});

describe('a role marked in brackets after each name, joined by 、 or a comma', () => {
  const rand = random(20);
  it.each(CASES)('variant %i', (i) => {
    const [lead, share, helpers] = bodies(rand, i);
    const helping = helpers.length ? helpers : share;
    const [open, close] = pick(rand, [['（', '）'], ['(', ')']]);
    const join = pick(rand, ['、', '，']);
    const mark = (name: string, word: string) => `${name}${open}${word}${close}`;
    const clause = [mark(lead, '牵头'), ...helping.map((n) => mark(n, pick(rand, ['配合', '协助', '参与'])))].join(join);
    // In a sentence of its own after the task (with or without a deadline), or in the task's sentence after a comma.
    const line = i % 2 ? placed(rand, clause, 1) : `${inventedText(rand).replace(/。$/, '')}，${clause}。`;
    const item = readOne(line);
    // After a comma, a long first name, or one with a place inside (泓城市…), may have the task's words glued on (find-clause's
    // standsAsName): flagged, never wrong.
    const mayBeGlued = [...lead].length > 7 || /^.{2,}?[省市县区州盟旗镇乡].{2,}$/u.test(lead);
    if (i % 2 === 0 && mayBeGlued && item.rolesUnsure) expect(item.assignments, line).toEqual([]);
    else {
      expect(roles(item), line).toBe(want([lead], [], [], helping));
      expect(item.problems, line).toEqual([]);
    }
  });
});

describe('按分工落实 and its family: each body does its share', () => {
  const WORDS = ['按分工落实', '按分工负责', '按职能落实', '按职责落实', '按职能分工落实', '根据职责分工负责', '按照分工推进', '按分工分别负责', '根据各自职责负责'];
  const rand = random(21);
  it.each(CASES)('variant %i', (i) => {
    const [lead, share, helpers] = bodies(rand, i);
    const word = WORDS[i % WORDS.length]!;
    const withLead = i % 3 === 1;
    const clause = `${withLead ? `${lead}牵头，` : ''}${share.join('、')}${word}${helpers.length ? `，${helpers.join('、')}${pick(rand, ['配合', '按分工配合', '按职能协助'])}` : ''}`;
    const line = placed(rand, clause, i);
    const item = readOne(line);
    expect(roles(item), line).toBe(want(withLead ? [lead] : [], share, [], helpers));
    expect(item.problems, line).toEqual([]);
  });
});
