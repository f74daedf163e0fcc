import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';

const BROKEN = join(FIXTURES, 'ledgers', 'broken');
const fixtures = readdirSync(BROKEN)
  .filter((f) => f.endsWith('.yaml'))
  .map((name) => {
    // First line: `# CODE: what is wrong @ line:col`
    const header = /^# (\w+): (.*) @ (\d+):(\d+)$/.exec(readFileSync(join(BROKEN, name), 'utf8').split('\n')[0]!);
    if (!header) throw new Error(`${name}: header line missing`);
    return { name, code: header[1]!, what: header[2]!, line: Number(header[3]), col: Number(header[4]) };
  });

describe('broken ledgers, one defect each', () => {
  it('has at least 30 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures)('$name: $code at $line:$col ($what)', async ({ name, code, line, col }) => {
    const file = join(BROKEN, name);
    const result = await runCli(['validate', '--strict', '--ledger', file, '--format', 'json']);
    expect(hasStackTrace(result.out + result.err)).toBe(false);
    if (result.out) {
      const report = JSON.parse(result.out);
      expect(report.diagnostics).toHaveLength(1);
      expect(report.diagnostics[0]).toMatchObject({ code, line, col, file });
      expect(result.code).toBe(1);
    } else {
      // Unreadable: diagnostics on stderr, exit 2.
      expect(result.code).toBe(2);
      expect(result.err).toContain(`${file}:${line}:${col}: 错误[${code}]`);
    }
  });

  it('prints file:line:col, the source line and a caret in text form', async () => {
    const file = join(BROKEN, 'unknown-department.yaml');
    const result = await runCli(['validate', '--ledger', file]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${file}:36:21: 错误[UNKNOWN_DEPARTMENT] 第 1 项：部门名录中没有「信息中新」；是否是「信息中心」？`);
    expect(result.out).toContain('36 |         cooperate: [信息中新]');
    // The caret sits under 信息中新: 20 columns of ASCII, then four double-width characters.
    expect(result.out).toContain(`   | ${' '.repeat(20)}^^^^^^^^\n`);
  });

  it('counts warnings as findings only with --strict', async () => {
    const file = join(BROKEN, 'unresolved-group.yaml');
    expect((await runCli(['validate', '--ledger', file])).code).toBe(0);
    expect((await runCli(['validate', '--strict', '--ledger', file])).code).toBe(1);
  });

  it('refuses an alias bomb quickly', async () => {
    // CPU time, not the wall clock: a loaded machine does not make it fail, an expansion of the bomb (minutes of CPU) does.
    const started = process.cpuUsage();
    const result = await runCli(['validate', '--ledger', join(BROKEN, 'alias-bomb.yaml')]);
    expect(result.out).toContain('billion laughs');
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });
});
