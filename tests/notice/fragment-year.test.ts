import { describe, expect, it } from 'vitest';
import { importFindings } from '../../src/notice/findings.js';
import { readNotice } from '../../src/notice/read-notice.js';
import { yearOfDates } from '../../src/notice/year-of-dates.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

/**
 * A fragment (a page's middle, no title, no signature) still names its deadlines' years: the plan's year is the
 * one they name most, said to be a guess and where it came from — not the current year.
 */
describe('a fragment takes its year from its dated words', () => {
  const rand = random(29);
  const WORDS = (y: number) => [`${y}年11月底前`, `${y}年底前完成`, `${y}年第三季度`, `${y}年6月`, `${y}年上半年`, `${y}年内`, `${y}年９月底前`];
  it.each(Array.from({ length: 16 }, (_, i) => 2018 + (i % 9)))('year %i', (year) => {
    const names = inventedNames(rand, 3, '市');
    const lines = names.map((name, i) => `（${['十二', '十三', '十四'][i]}）${inventedText(rand)}（${name}负责；完成时限：${pick(rand, WORDS(year))}）`);
    // One deadline in the next year (next January's report), one report year (2017年度) that is no deadline.
    lines.push(`（十五）编制发布${year - 1}年度报告，${year + 1}年1月31日前公开。（${names[0]}）`);
    const notice = readNotice(`${lines.join('\n')}\n`);
    expect(notice.year).toBe(year);
    const findings = importFindings(notice, 'f.txt', 2099);
    expect(findings.map((f) => f.code)).toContain('IMPORT_YEAR_GUESSED');
    expect(findings.find((f) => f.code === 'IMPORT_YEAR_GUESSED')!.message).toContain(`${year}年`);
  });
  it('no dated words, no year', () => {
    expect(yearOfDates('（一）加强公开。（甲局）\n（二）长期坚持。')).toBeUndefined();
    expect(yearOfDates('编制2021年度报告')).toBeUndefined();
  });
  it('a tie goes to the earlier year', () => {
    expect(yearOfDates('2022年11月底前；2023年1月31日前')?.year).toBe(2022);
  });
});
