import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';

const read = (line: string) => readNotice(`某县2019年政务公开工作要点\n一、加强公开\n（一）${line}\n`).items[0]!;

/**
 * A festival's eve as the deadline (`清明节前完成`, `春节前`): its date moves from year to year, so the words are kept
 * as the deadline (flagged: no date worked out) — never glued back onto the task's words with the date lost, as
 * `…信息。，清明节前完成。` was.
 */
describe('a festival as the deadline', () => {
  const festivals = ['元旦', '春节', '元宵节', '清明节', '清明', '五一', '端午节', '中秋节', '国庆节'];
  it.each(festivals.flatMap((f) => [
    [`公开烈士纪念设施保护管理信息。由褒扬纪念科会同市烈士陵园管理处落实，${f}前完成。`, f],
    [`公开优抚政策（优抚科负责，${f}前完成）。`, f],
    [`公开慰问安排，由优抚科负责，${f}之前完成。`, f],
  ]))('%s', (line, festival) => {
    const item = read(line);
    expect(item.dueText).toMatch(new RegExp(`^${festival}`));
    expect(item.text).not.toContain(festival);
    expect(item.problems.join()).toContain('无法换算为日期');
    expect(item.assignments.length).toBeGreaterThan(0);
  });
  it('a festival in the task\'s words is not a deadline', () => {
    const item = read('做好春节前后走访慰问信息公开（优抚科负责）。');
    expect(item.dueText).toBeUndefined();
    expect(item.text).toBe('做好春节前后走访慰问信息公开');
  });
});
