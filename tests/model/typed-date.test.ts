import { describe, expect, it } from 'vitest';
import { needsPlanYear, parseTypedDate } from '../../src/model/typed-date.js';

const context = { today: '2021-11-01', planYear: 2021 };

describe('dates as people type them', () => {
  it.each([
    ['2021-10-08', '2021-10-08'],
    ['2021-10-8', '2021-10-08'],
    ['2021/10/8', '2021-10-08'],
    ['2021.10.8', '2021-10-08'],
    ['20211008', '2021-10-08'],
    ['2021年10月8日', '2021-10-08'],
    ['2021年10月8号', '2021-10-08'],
    ['２０２１／１０／８', '2021-10-08'],
    ['10月8日', '2021-10-08'],
    ['今天', '2021-11-01'],
    ['昨天', '2021-10-31'],
    ['前天', '2021-10-30'],
    ['明天', '2021-11-02'],
  ])('%s → %s', (typed, date) => {
    expect(parseTypedDate(typed, context)).toEqual({ date });
  });

  it('a month and day alone take the plan’s year, not today’s', () => {
    expect(parseTypedDate('3月1日', { today: '2022-01-05', planYear: 2021 })).toEqual({ date: '2021-03-01' });
    expect(needsPlanYear('3月1日')).toBe(true);
    expect(needsPlanYear('2021年3月1日')).toBe(false);
  });

  it('yesterday crosses a month and a year end', () => {
    expect(parseTypedDate('昨天', { today: '2022-01-01' })).toEqual({ date: '2021-12-31' });
  });

  it.each([['2021-02-30'], ['2月30日'], ['20211301']])('%s does not exist', (typed) => {
    expect(parseTypedDate(typed, context)).toEqual({ error: `日期「${typed}」不存在` });
  });

  it.each([['下周'], ['2021-10'], ['10/8'], ['']])('%j is not a date and the error shows the forms understood', (typed) => {
    const parsed = parseTypedDate(typed, context);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toContain('2021/10/8、20211008、2021年10月8日、10月8日、今天');
  });
});
