import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('usage mistakes', () => {
  it.each([
    [['status', '--foo'], '错误：没有选项「--foo」'],
    [['statsu'], '错误：没有命令「statsu」\n（是否是 status？）'],
    [['status', '--format', 'xml'], '错误：选项 --format <format> 不能是「xml」，可选：table, md, json, csv'],
    [['note', '3', '进展'], '错误：必须给出选项 --dept <name>'],
  ])('%j: says what is wrong in Chinese, exit 2', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.out).toBe('');
  });

  it('prints help on stdout with exit 0, and the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('显示帮助');
    expect((await runCli(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
