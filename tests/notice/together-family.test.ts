import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

/**
 * `A会同B…` and `A协同B…` (DOMAIN.md: cooperate = 配合, 会同, A会B, 协同): one rule in brackets and in sentences. B
 * cooperates; A keeps its own role word (A牵头会同B → lead), else the work is A's (sole), as every exam labels
 * `由A会同B负责/落实/办理/组织实施` but two; `A会B` is the older 主办/会办 form, labelled lead in every notice (08, 27, 34,
 * judge5 82), and read so.
 */
describe('the 会同 family, one rule in brackets and sentences', () => {
  const rand = random(9);
  const cases = Array.from({ length: 36 }, (_, i) => {
    // (A name ending in 委 before 会 is left out: 委会 is also 管委会, 村委会 — one body, read as unsure.)
    const names = inventedNames(rand, 4, pick(rand, ['县', '市', '']));
    const a = names.find((n) => !/委$/.test(n)) ?? `${names[0]}办`;
    const [b, c] = names.filter((n) => n !== a);
    const others = i % 2 ? `${b}、${c}` : b!;
    const word = pick(rand, ['会同', '协同']);
    const action = pick(rand, ['落实', '负责', '办理', '组织实施', '']);
    const [said, role] = pick(rand, [[`${a}${word}${others}${action}`, 'sole'], [`${a}牵头${word}${others}${action}`, 'lead'], [`${a}牵头，${word}${others}落实`, 'lead'], [`${a}会${others}${action === '负责' ? '' : action}`, 'lead']] as const);
    const form = i % 3;
    const text = inventedText(rand).replace(/。$/, '');
    const line = form === 0 ? `${text}。（${said}）` : form === 1 ? `${text}，由${said}，年底前完成。` : `${text}。此项工作由${said}。`;
    return { name: line, line, want: `lead:${role === 'lead' ? a : ''} joint: sole:${role === 'sole' ? a : ''} cooperate:${others}` };
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, { line, want }) => {
    const notice = readNotice(`某县2021年政务公开工作要点\n一、加强公开\n1、${line}\n`);
    expect(roles(notice.items[0])).toBe(want);
    expect(notice.items[0]!.problems).toEqual([]);
  });
});
