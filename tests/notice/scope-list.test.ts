import { describe, expect, it } from 'vitest';
import { parseResponsibility } from '../../src/notice/clause/grammar.js';

const read = (clause: string) => {
  const parsed = parseResponsibility(clause);
  return parsed.ok ? parsed.assignments.map((a) => `${a.role}:${a.name}${a.scope ? `@${a.scope}` : ''}`) : [`not read: ${parsed.reason}`];
};

/** A scope that lists several things before 由 (`规章、规范性文件由A牵头`): all of them are the scope — the list was read as names and the clause refused. */
describe('a scope listing several things', () => {
  it.each([
    ['规章、规范性文件由法规处牵头，各处室配合', ['lead:法规处@规章、规范性文件', 'cooperate:各处室']],
    ['预算、决算公开由财政所牵头落实；三公经费公开由党政办负责', ['lead:财政所@预算、决算公开', 'sole:党政办@三公经费公开']],
    ['预算、决算、三公经费由财务科负责', ['sole:财务科@预算、决算、三公经费']],
    ['规章由法规处牵头、规范性文件由制发处室牵头', ['lead:法规处@规章', 'lead:制发处室@规范性文件']],
    ['规章由甲处、乙处负责', ['joint:甲处@规章', 'joint:乙处@规章']],
  ])('%s', (clause, want) => {
    expect(read(clause)).toEqual(want);
  });
});
