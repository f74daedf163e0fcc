import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

/**
 * A body's name glued to the task's words (`…全流程公开区公共资源交易中心负责`, `…信息公开区教育局。`) is cut off where
 * the notice's names show how names start — most of them 区…, 县… —, with a role word or with none (the body alone
 * answers for the work). Words that take a body as their object (`报送区财政局`) are the task's.
 */
describe('a name glued to the text, cut at the level most names start with', () => {
  const rand = random(54);
  const notices = Array.from({ length: 8 }, (_, n) => {
    const level = pick(rand, ['区', '县', '市', '旗']);
    const names = inventedNames(rand, 6, level).filter((name) => !/^.(城市|社区)/.test(name));
    const bracketed = names.slice(0, 4).map((name, i) => `（${i + 1}）${inventedText(rand).replace(/。$/, '')}（${name}负责）。`);
    const [withRole, bare] = [names[4]!, names[5]!];
    const roleWord = pick(rand, ['负责', '牵头']);
    const textA = inventedText(rand).replace(/。$/, '');
    const textB = inventedText(rand).replace(/。$/, '');
    const lines = [...bracketed, `（5）${textA}${withRole}${roleWord}。`, `（6）${textB}${bare}。`, `（7）按时报送${names[0]}（${names[1]}负责）。`];
    return { n, text: `${level}2019年政务公开工作要点\n一、重点工作\n${lines.join('\n')}\n`, withRole, bare, roleWord, textA, textB, names };
  });
  it.each(notices.map((c) => [c.n, c] as const))('notice %s', (_, { text, withRole, bare, roleWord, textA, textB, names }) => {
    const items = readNotice(text).items;
    expect(roles(items[4])).toBe(roleWord === '牵头' ? `lead:${withRole} joint: sole: cooperate:` : `lead: joint: sole:${withRole} cooperate:`);
    expect(items[4]!.text).toBe(textA);
    expect(roles(items[5])).toBe(`lead: joint: sole:${bare} cooperate:`);
    expect(items[5]!.text).toBe(textB);
    expect(roles(items[6])).toBe(`lead: joint: sole:${names[1]} cooperate:`);
    expect(items[6]!.text).toBe(`按时报送${names[0]}`);
  });
});
