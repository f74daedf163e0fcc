import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { runTempDir, tempDir } from '../helpers/temp.js';

const LEDGER = join(FIXTURES, 'ledgers', 'mca-progress.yaml');

/** A folder with a `gongkai` on the PATH that runs this checkout's build, as `npm link` would. */
function shim(): string {
  const dir = tempDir();
  const file = join(dir, 'gongkai');
  writeFileSync(file, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(file, 0o755);
  return dir;
}

/**
 * What `gongkai completion bash` prints, made once per test file (in this process: the script is text; every
 * command's first run as a process is in tests/attacks/every-command.test.ts).
 */
let bashScript: string | undefined;
async function completionScript(): Promise<string> {
  if (bashScript) return bashScript;
  const printed = await runCli(['completion', 'bash']);
  expect(printed.code, printed.err).toBe(0);
  const file = join(runTempDir('completion'), 'gongkai.bash');
  writeFileSync(file, printed.out);
  return (bashScript = file);
}

/**
 * Sources what `gongkai completion bash` prints in a real bash, sets the words as bash
 * would when TAB is pressed after them, runs the completion function (which runs `gongkai __complete`
 * through the shim, a process) and returns what it offers.
 */
async function complete(line: string, cwd = ROOT): Promise<string[]> {
  const words = line.split(' ');
  const script = [
    `source '${await completionScript()}'`,
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    'complete -p gongkai >&2',
    '_gongkai',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: `${shim()}:${process.env.PATH}`, HOME: tempDir(), GONGKAI_CACHE: 'off' },
  });
  return out.split('\n').filter(Boolean);
}

/**
 * The words the script offers for `line` when gongkai prints no file marker: what `gongkai __complete` prints
 * for the words after `gongkai`, one a line, here asked in this process (each bash completion starts a gongkai).
 * The script's own part (passing the words, reading the lines back, files) is tested through bash above, once
 * per kind of answer.
 */
async function offered(line: string, cwd = ROOT): Promise<string[]> {
  const result = await runCli(['__complete', ...line.split(' ').slice(1)], { cwd, env: { GONGKAI_CACHE: 'off' } });
  expect(result.code, result.err).toBe(0);
  return result.out.split('\n').filter(Boolean);
}

describe('gongkai completion bash, sourced in bash', () => {
  it('completes commands, subcommands and options', async () => {
    // An empty word to complete, through bash; the rest asked of gongkai directly.
    expect(await complete('gongkai ')).toEqual(expect.arrayContaining(['import', 'validate', 'status', 'overdue', 'set', 'done', 'note', 'completion', 'help']));
    expect(await offered('gongkai sta')).toEqual(['status']);
    expect(await offered('gongkai hook ')).toEqual(['install']);
    expect(await offered('gongkai status --st')).toEqual(['--stale-days']);
    expect(await offered('gongkai note 3 --')).toEqual(expect.arrayContaining(['--dept', '--on', '--commit', '--ledger', '--help']));
  });

  it('completes option values: choices, statuses, dates', async () => {
    expect(await offered('gongkai status --format ')).toEqual(['table', 'md', 'json', 'csv', 'xlsx']);
    expect(await offered('gongkai set 1 --status 推')).toEqual(['推进中']);
    expect(await offered('gongkai status --as-of 昨')).toEqual(['昨天']);
    expect(await offered('gongkai completion ')).toEqual(['bash', 'zsh']);
  });

  it('completes department names and item numbers from the ledger', async () => {
    // Names with parentheses, through bash.
    expect(await complete('gongkai status --dept 社会')).toEqual(['社会组织管理局(社会组织执法监督局)', '社会组织管理局', '社会组织执法监督局', '社会救助司', '社会事务司']);
    expect(await offered(`gongkai --ledger ${LEDGER} overdue --dept 信息`)).toEqual(['信息中心']);
    expect(await offered('gongkai done 3')).toEqual(['3', '30', '31', '32', '33', '34', '35']);
  });

  it('completes file names where a file is wanted', async () => {
    const dir = tempDir({ '通知.txt': '', 'other.md': '' });
    expect(await complete('gongkai import 通', dir)).toEqual(['通知.txt']);
  });

  it('never evaluates ledger text: a department named $(touch …) is offered as text, not run', async () => {
    const dir = tempDir({
      'ledger.yaml': [
        'plan: { title: 测试, year: 2021, default_due: 2021-12-31 }',
        'departments:',
        '  departments:',
        "    - { name: '$(touch${IFS}pwned)司', kind: internal }",
        'sections: []',
      ].join('\n'),
    });
    expect(await complete('gongkai --ledger ledger.yaml status --dept $', dir)).toEqual(['$(touch${IFS}pwned)司']);
    expect(execFileSync('ls', [dir], { encoding: 'utf8' })).not.toContain('pwned');
  });
});

describe('gongkai completion', () => {
  it('prints the zsh script with compdef', async () => {
    const result = await runCli(['completion', 'zsh']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^#compdef gongkai\n/);
    expect(result.out).toContain('gongkai __complete');
  });

  it('refuses another shell, listing the ones it has', async () => {
    const result = await runCli(['completion', 'fish']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('不能是「fish」，可选：bash、zsh');
  });
});
