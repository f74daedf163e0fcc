import { describe, expect, it } from 'vitest';
import { parseResponsibility } from '../../src/read/parse-responsibility.js';

/** `name/role` or `scope:name/role`, in clause order. */
function roles(clause: string): string[] {
  const parsed = parseResponsibility(clause);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.assignments.map((a) => `${a.scope ? `${a.scope}:` : ''}${a.name}/${a.role}`);
}

describe('parseResponsibility', () => {
  it('reads lead and cooperate', () => {
    expect(roles('政策法规司牵头,信息中心配合')).toEqual(['政策法规司/lead', '信息中心/cooperate']);
  });
  it('reads a joint list', () => {
    expect(roles('规划财务司、基层政权建设和社区治理司、养老服务司按职责分工负责')).toEqual([
      '规划财务司/joint',
      '基层政权建设和社区治理司/joint',
      '养老服务司/joint',
    ]);
  });
  it('reads a bare name as sole owner, and 负责 as sole', () => {
    expect(roles('规划财务司')).toEqual(['规划财务司/sole']);
    expect(roles('有关承办司(局)负责,档案资料馆配合')).toEqual(['有关承办司(局)/sole', '档案资料馆/cooperate']);
  });
  it('reads scoped leads', () => {
    expect(roles('规章由政策法规司牵头、规范性文件由制发司(局)牵头,各有关司(局)、信息中心、档案资料馆配合')).toEqual([
      '规章:政策法规司/lead',
      '规范性文件:制发司(局)/lead',
      '各有关司(局)/cooperate',
      '信息中心/cooperate',
      '档案资料馆/cooperate',
    ]);
  });
  it('reads co-leads with a 合署 name', () => {
    expect(roles('办公厅(国际合作司)、政策法规司牵头,各有关司(局)配合')).toEqual(['办公厅(国际合作司)/lead', '政策法规司/lead', '各有关司(局)/cooperate']);
  });
  it('reads all three roles at once, in full-width punctuation and brackets', () => {
    expect(roles('〔办公厅（国际合作司）牵头，各有关司（局）按职责分工负责，信息中心配合〕')).toEqual([
      '办公厅(国际合作司)/lead',
      '各有关司(局)/joint',
      '信息中心/cooperate',
    ]);
  });
  it('gives a reason instead of guessing', () => {
    expect(parseResponsibility('')).toEqual({ ok: false, reason: '责任分工为空' });
    expect(parseResponsibility('政策法规司(牵头')).toMatchObject({ ok: false });
    expect(parseResponsibility('规章由政策法规司')).toMatchObject({ ok: false });
  });
});
