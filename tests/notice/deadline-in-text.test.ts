import { describe, expect, it } from 'vitest';
import { deadlineInText, readDeadline } from '../../src/notice/clause/deadline.js';

/** Deadline words inside an item's text: read where they stand as a deadline, never a year or a span of a sentence. */
describe('deadline words in the text', () => {
  const dueOf = (text: string) => {
    const words = deadlineInText(text);
    if (!words) return 'none';
    const read = readDeadline(words, 2023);
    return read.kind === 'date' ? read.date : read.kind;
  };
  it.each([
    ['健全制度，5月中旬完成制度修订', '2023-05-20'],
    ['9月下旬上线服务专栏，做好解读', '2023-09-30'],
    ['做好培训，第三季度举办专题培训', '2023-09-30'],
    ['三季度末完成评估', '2023-09-30'],
    ['做好评估，年中完成评估报告', '2023-06-30'],
    ['上半年印发实施细则', '2023-06-30'],
    ['10月底完成清理', '2023-10-31'],
    ['8月底前出台办法', '2023-08-31'],
    ['2月公开预算，8月公开决算', '2023-08-31'],
    ['做好政策解读工作，长期坚持。', 'ongoing'],
    ['做好目录编制，全年动态调整', 'ongoing'],
    ['做好目录编制，常态化开展', 'ongoing'],
    // A month of the plan's year set off by 于, no year written: dated steps, due at the last.
    ['预算于3月公开，决算于8月公开', '2023-08-31'],
  ])('%s → %s', (text, due) => expect(dueOf(text)).toBe(due));
  it.each([
    '公开2020年度预算执行情况',
    '收到申请后10个工作日内予以答复',
    '清理2019年6月出台的规范性文件',
    '每年3月公开上年度工作报告',
    '自2022年起持续推进目录编制',
    '截至2022年底的数据',
    '推进常态化监管',
    '全年动态公开某某信息、某某名单等信息',
    '持续推进政务公开标准化建设',
  ])('%s → no deadline', (text) => expect(dueOf(text)).toBe('none'));
});

describe('deadline words said from the plan year, and times that recur', () => {
  const read = (words: string) => {
    const deadline = readDeadline(words, 2027);
    return deadline.kind === 'date' ? deadline.date : deadline.kind;
  };
  it.each([
    ['次年1月底前', '2028-01-31'],
    ['下一年度1月15日前', '2028-01-15'],
    ['次年底前', '2028-12-31'],
    ['下半年', '2027-12-31'],
    ['每年12月底前', '2027-12-31'],
    // A time that recurs has no one date: kept as words and flagged, never one month's date.
    ['2017年7月起每季度首月15日前', 'unknown'],
    ['每月10日前更新', 'unknown'],
    ['每月公开，持续推进', 'ongoing'],
  ])('%s → %s', (words, due) => expect(read(words)).toBe(due));
});
