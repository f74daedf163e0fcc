import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

describe('the shipped 民政部 2021 ledger', () => {
  it('validates with no errors; the only warnings are its real vague groups', async () => {
    const result = await runCli(['validate', '--ledger', SHIPPED_LEDGER, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.errors).toBe(0);
    const warned = report.diagnostics.map((d: { code: string; message: string }) => `${d.code} ${d.message.split('：')[0]}`);
    // Items naming 各有关司(局), 制发司(局) or 有关承办司(局), read from the notice by hand.
    expect(warned).toEqual(
      ['2', '2', '4', '12', '13', '14', '17', '18', '20', '26', '30', '33', '34'].map((n) => `UNRESOLVED_GROUP 第 ${n} 项`),
    );
  });
});
