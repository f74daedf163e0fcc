import { describe, expect, it } from 'vitest';
import { loadYamlValue as load } from '../../src/read/load-yaml-value.js';
import { SHIPPED_LEDGER } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

describe('gongkai export', () => {
  it('prints every item with its roles, resolved to departments and groups', async () => {
    const result = await runCli(['export', '--ledger', SHIPPED_LEDGER]);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.out);
    expect(data.plan).toMatchObject({ document_number: '民办便函〔2021〕648号', issued_on: '2021-06-30', year: 2021, default_due: '2021-12-31' });
    expect(data.items).toHaveLength(35);
    expect(data.items[1].roles).toEqual([
      { name: '政策法规司', role: 'lead', scope: '规章', department: '政策法规司', group: null },
      { name: '制发司(局)', role: 'lead', scope: '规范性文件', department: null, group: '制发司(局)' },
      { name: '各有关司(局)', role: 'cooperate', scope: null, department: null, group: '各有关司(局)' },
      { name: '信息中心', role: 'cooperate', scope: null, department: '信息中心', group: null },
      { name: '档案资料馆', role: 'cooperate', scope: null, department: '档案资料馆', group: null },
    ]);
    expect(data.items[5].roles[0]).toMatchObject({ name: '社会组织管理局', department: '社会组织管理局(社会组织执法监督局)' });
    expect(data.items[0]).toMatchObject({ number: '1', section: '一', status: 'not_started', status_label: '未启动', due: '2021-12-31' });
  });

  it('prints the same data as YAML', async () => {
    const json = JSON.parse((await runCli(['export', '--ledger', SHIPPED_LEDGER])).out);
    const yaml = load((await runCli(['export', '--ledger', SHIPPED_LEDGER, '--format', 'yaml'])).out);
    expect(yaml).toEqual(json);
  });
});
