import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/** The shipped ledger with item 1's status misspelt 进行中, next to its registry. */
function misspeltLedger(): string {
  const text = readFileSync(SHIPPED_LEDGER, 'utf8').replace('status: 未启动', 'status: 进行中');
  const dir = tempDir({ 'ledger.yaml': text, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
  return join(dir, 'ledger.yaml');
}

describe('validate --errors-only', () => {
  it('-q lists the error alone, names the item and the likely status, and counts the warnings it left out', async () => {
    const file = misspeltLedger();
    const quiet = await runCli(['validate', '-q', '--ledger', file]);
    expect(quiet.code).toBe(1);
    expect(quiet.out).toContain('错误[BAD_STATUS] 第 1 项：「status」不能是「进行中」');
    expect(quiet.out).toContain('是否是「推进中」？');
    expect(quiet.out).not.toContain('警告[');
    expect(quiet.out).toMatch(/35 项任务，1 个错误、13 个警告（13 个警告未列出）\n$/);
    const all = await runCli(['validate', '--ledger', file]);
    expect(all.out).toContain('警告[UNRESOLVED_GROUP]');
    expect((await runCli(['validate', '--errors-only', '--ledger', file])).out).toBe(quiet.out);
  });
});

describe('colour', () => {
  const view = (env: Record<string, string>, tty = false, args: string[] = []) =>
    runCli(['status', '--ledger', SHIPPED_LEDGER, '--as-of', '2021-10-08', ...args], { stdoutIsTty: tty, columns: 120, env });
  const coloured = (text: string) => text.includes('\u001b[');

  it('FORCE_COLOR=0 turns colour off on a terminal; FORCE_COLOR=1 turns it on in a pipe', async () => {
    expect(coloured((await view({}, true)).out)).toBe(true);
    expect(coloured((await view({ FORCE_COLOR: '0' }, true)).out)).toBe(false);
    expect(coloured((await view({ FORCE_COLOR: 'false' }, true)).out)).toBe(false);
    expect(coloured((await view({ FORCE_COLOR: '1' }, false)).out)).toBe(true);
    expect(coloured((await view({ FORCE_COLOR: '' }, false)).out)).toBe(true);
    expect(coloured((await view({ NO_COLOR: '1' }, true)).out)).toBe(false);
    // The command line wins over both.
    expect(coloured((await view({ FORCE_COLOR: '1' }, false, ['--no-color'])).out)).toBe(false);
  });
});

describe('one error prefix', () => {
  it.each([
    [['status', '--dept', '信息中新', '--ledger', SHIPPED_LEDGER]],
    [['status', '--bogus']],
    [['done', '1', '--on', '下周']],
  ])('%j starts its message with gongkai:', async (argv) => {
    const copy = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const result = await runCli(argv.includes('--ledger') ? argv : [...argv, '--ledger', join(copy, 'ledger.yaml')]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^gongkai: /);
    expect(result.err).not.toMatch(/错误：/);
  });
});
