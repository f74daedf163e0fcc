import { describe, expect, it } from 'vitest';
import { standingRule } from '../../src/notice/clause/standing-rule.js';

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
  ])('%s → %s', (sentence, clause) => {
    expect(standingRule(sentence)).toBe(clause);
  });
  it('a sentence that only mentions listing is no rule', () => {
    expect(standingRule('各项任务要列出清单，逐项推进。')).toBeUndefined();
  });
});
