import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import { inventedNames, pick, random } from './corpus/invented.js';

/**
 * Several clauses in one paragraph (F3/F4 `…，由A牵头落实；…，由B、C分别负责`): each body's scope is the first phrase
 * of the words its clause covers — whole when short, else cut where a word ends, never inside one.
 */
describe('scopes are whole phrases or cut at a word', () => {
  const rand = random(23);
  const PHRASES = ['涉及民生的重要议题邀请利益相关方列席会议', '公开县政府常务会议审议事项', '对涉及群众切身利益的重大决策事项在决策前向社会公开征求意见并及时反馈采纳情况', '建立健全政务舆情收集研判处置和回应机制', '推进政务服务事项标准化规范化便利化建设'];
  const boundaries = (text: string) => new Set([...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.index + s.segment.length));
  it.each(Array.from({ length: 15 }, (_, i) => i))('variant %i', () => {
    const [a, b, c] = inventedNames(rand, 3, '县');
    const [first, second] = [pick(rand, PHRASES), pick(rand, PHRASES)];
    const notice = readNotice(`某县2021年政务公开工作要点\n一、加强公开\n1、${first}，会后3个工作日内发布信息，由${a}牵头落实；${second}，由${b}、${c}分别负责。\n`);
    const scopes = notice.items[0]!.assignments.map((x) => x.scope!);
    for (const [scope, phrase] of [[scopes[0]!, first], [scopes[1]!, second]] as const) {
      expect(phrase.startsWith(scope)).toBe(true);
      if ([...phrase].length <= 24) expect(scope).toBe(phrase);
      else expect(boundaries(phrase).has(scope.length)).toBe(true);
    }
  });
});
