import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

/**
 * A pipe table copied from a PDF or a web page, broken by a page number (`— 2 —`, `第2页`) or by blank lines between
 * two rows numbered in sequence: the rows after the break are the same table's, however few. (One row after a
 * page number was read as a table of its own, taken for a table copied one cell per line, and lost without a word.)
 */
describe('a pipe table broken across pages', () => {
  const rand = random(71);
  const cases = Array.from({ length: 24 }, (_, n) => {
    const rows = 2 + (n % 4);
    const names = inventedNames(rand, rows, pick(rand, ['', '省', '市']));
    const texts = names.map(() => inventedText(rand).replace(/。$/, ''));
    const breakAt = 1 + Math.floor(rand() * (rows - 1));
    const gap = pick(rand, ['— 2 —', '- 2 -', '第 2 页', '2/3', '', '\n— 2 —\n']);
    const lines = ['某省某厅2022年政务公开任务分工表', '序号 | 工作任务 | 责任处室 | 完成时限 |'];
    names.forEach((name, i) => {
      if (i === breakAt) lines.push(gap);
      lines.push(`${i + 1} | ${texts[i]} | ${name} | 年底前 |`);
    });
    return { name: `${rows} rows, break before row ${breakAt + 1} (${JSON.stringify(gap)})`, text: lines.join('\n'), names, texts };
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, { text, names, texts }) => {
    const items = readNotice(text).items;
    expect(items.map((i) => i.text)).toEqual(texts);
    expect(items.map((i) => i.assignments.map((a) => `${a.role}:${a.name}`).join())).toEqual(names.map((n) => `sole:${n}`));
    expect(items.flatMap((i) => i.problems)).toEqual([]);
  });

  it.each(['相关链接: 南通市人民政府 | 江苏省住房和城乡建设厅 | 住房公积金监管服务平台', '| 友情链接 | 分享到 | 打印本页 |', '上一篇：关于… | 下一篇：关于… |'])('the page\'s links after the table (%s) are no row of it', (junk) => {
    const items = readNotice(`某局2022年政务公开任务分工表\n序号 | 工作任务 | 责任处室 | 完成时限 |\n1 | 公开预决算 | 财务处 | 年底前 |\n2 | 公开规划 | 规划处 | 6月底前 |\n${junk}\n`).items;
    expect(items.map((i) => i.text)).toEqual(['公开预决算', '公开规划']);
    expect(items.flatMap((i) => i.problems)).toEqual([]);
    // A page of nothing but such links reads no table (it once sent the reader round the same line for ever).
    expect(readNotice(`${junk}\n${junk}\n`).items).toEqual([]);
  });

  it('a table of one pipe row under its header is read', () => {
    const items = readNotice('某局2022年政务公开任务分工表\n序号 | 工作任务 | 责任处室 | 完成时限 |\n1 | 公开预决算 | 财务处 | 年底前 |\n').items;
    expect(items.map((i) => [i.text, i.assignments.map((a) => a.name).join()])).toEqual([['公开预决算', '财务处']]);
  });
});
