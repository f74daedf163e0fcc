import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { HELP_EXAMPLES } from '../../src/cli/help-examples.js';
import { memoryIo } from '../helpers/memory-io.js';
import { NARROW } from '../../src/render/text-width.js';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

describe('usage mistakes', () => {
  it.each([
    [['status', '--foo'], 'gongkai: 错误[USAGE] status 命令没有选项「--foo」\n  （用法见 gongkai status --help）\n'],
    [['status', '--formt', 'md'], 'gongkai: 错误[USAGE] status 命令没有选项「--formt」；是否是「--format」？\n'],
    [['statsu'], 'gongkai: 错误[USAGE] 没有命令「statsu」；是否是「status」？\n  （用法见 gongkai --help）\n'],
    [['status', '--format', 'xml'], 'gongkai: 错误[USAGE] 选项 --format 不能是「xml」，可选：table、md、json、csv、xlsx\n'],
    [['note', '3', '进展'], 'gongkai: 错误[USAGE] note 命令必须给出选项 --dept <名称>（报送部门）\n'],
    [['set'], 'gongkai: 错误[USAGE] set 命令缺少参数 <编号>（任务编号）\n'],
    [['status', '--as-of'], 'gongkai: 错误[USAGE] 选项 --as-of 缺少值：--as-of <日期>\n'],
    [['log', '1', '2'], 'gongkai: 错误[USAGE] log 命令最多接受 1 个参数，多出了「2」\n'],
    [['schema', 'foo'], 'gongkai: 错误[USAGE] [哪一个] 不能是「foo」，可选：ledger、registry\n'],
    [['hook', 'instal'], 'gongkai: 错误[USAGE] 没有命令「instal」；是否是「install」？\n  （用法见 gongkai hook --help）\n'],
    // An empty shell variable ($DEPT unset) is a mistake, not every department's tasks or another ledger.
    [['status', '--dept', ''], 'gongkai: 错误[USAGE] 选项 --dept 的值是空的：--dept <名称>\n'],
    [['overdue', '--dept= '], 'gongkai: 错误[USAGE] 选项 --dept 的值是空的：--dept <名称>\n'],
    [['status', '--ledger', ''], 'gongkai: 错误[USAGE] 选项 --ledger 的值是空的：--ledger <文件>\n'],
    [['note', '3', '进展', '--dept', ''], 'gongkai: 错误[USAGE] 选项 --dept 的值是空的：--dept <名称>\n'],
  ])('%j: says what is wrong in Chinese, exit 2', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err).not.toMatch(/error:|unknown|option '|argument|Did you mean/);
    expect(result.out).toBe('');
  });

  it('prints help on stdout with exit 0, and the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('显示帮助');
    expect((await runCli(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

/** Every command of the program as its words after gongkai ('status', 'hook install'), found by walking the program, not listed by hand. */
function commandPaths(): string[] {
  const walk = (command: Command, prefix: string[]): string[][] =>
    command.commands.flatMap((c) => [[...prefix, c.name()], ...walk(c, [...prefix, c.name()])]);
  return walk(buildProgram(memoryIo(), () => {}), []).map((words) => words.join(' '));
}

const ENGLISH_HELP = /Usage:|Options:|Arguments:|Commands:|choices:|default:|display help|\[options\]|\[command\]/;

describe('help, in Chinese, 80 columns', () => {
  const paths = commandPaths();

  it('covers the commands', () => {
    expect(paths).toEqual(expect.arrayContaining(['import', 'validate', 'status', 'overdue', 'set', 'done', 'note', 'hook install']));
  });

  it.each(['', ...paths])('gongkai %s --help', async (path) => {
    const words = path ? path.split(' ') : [];
    const result = await runCli([...words, '--help'], { stdoutIsTty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const help = result.out;
    await expect(help).toMatchFileSnapshot(join(ROOT, 'tests', 'golden', 'help', `${path ? path.replace(/ /g, '-') : 'gongkai'}.txt`));
    expect(help).not.toMatch(ENGLISH_HELP);
    expect(help).toMatch(/^用法：gongkai/);
    // Global options in every command's help, and at least one example.
    expect(help).toContain('--ledger <文件>');
    expect(help).toContain('--no-color');
    expect(HELP_EXAMPLES[path]?.length ?? 0, `an example for ${path}`).toBeGreaterThan(0);
    expect(help).toContain(`示例：\n  ${HELP_EXAMPLES[path]![0]}`);
    const lines = help.split('\n');
    for (const line of lines) expect(NARROW.of(line), line).toBeLessThanOrEqual(80);
    // No word split over two lines: every Latin word or number of the unwrapped help is whole in the wrapped one.
    const unwrapped = (await runCli([...words, '--help'], { stdoutIsTty: true, columns: 10_000 })).out;
    for (const word of new Set(unwrapped.match(/[A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_]/g) ?? [])) expect(help, word).toContain(word);
  });

  it('gongkai help COMMAND is the command’s --help', async () => {
    for (const path of ['status', 'set', 'hook']) {
      expect((await runCli(['help', path])).out).toBe((await runCli([path, '--help'])).out);
    }
  });

  it('wraps by display width, so 养老服务司 is not cut at 60 columns', async () => {
    const result = await runCli(['set', '--help'], { stdoutIsTty: true, columns: 60 });
    for (const line of result.out.split('\n')) expect(NARROW.of(line)).toBeLessThanOrEqual(60);
    expect(result.out).toContain('养老服务司');
  });
});
