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

/** What `gongkai completion bash` prints, from a real process through the shim, once per test file. */
let bashScript: string | undefined;
function completionScript(): string {
  if (bashScript) return bashScript;
  const file = join(runTempDir('completion'), 'gongkai.bash');
  execFileSync('bash', ['--norc', '--noprofile', '-c', 'gongkai completion bash > "$0"', file], {
    env: { PATH: `${shim()}:${process.env.PATH}`, HOME: tempDir(), GONGKAI_CACHE: 'off' },
  });
  return (bashScript = file);
}

/**
 * Sources what `gongkai completion bash` prints in a real bash, sets the words as bash
 * would when TAB is pressed after them, runs the completion function and
 * returns what it offers.
 */
function complete(line: string, cwd = ROOT): string[] {
  const words = line.split(' ');
  const script = [
    `source '${completionScript()}'`,
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

describe('gongkai completion bash, sourced in bash', () => {
  it('completes commands, subcommands and options', () => {
    expect(complete('gongkai sta')).toEqual(['status']);
    expect(complete('gongkai ')).toEqual(expect.arrayContaining(['import', 'validate', 'status', 'overdue', 'set', 'done', 'note', 'completion', 'help']));
    expect(complete('gongkai hook ')).toEqual(['install']);
    expect(complete('gongkai status --st')).toEqual(['--stale-days']);
    expect(complete('gongkai note 3 --')).toEqual(expect.arrayContaining(['--dept', '--on', '--commit', '--ledger', '--help']));
  });

  it('completes option values: choices, statuses, dates', () => {
    expect(complete('gongkai status --format ')).toEqual(['table', 'md', 'json', 'csv', 'xlsx']);
    expect(complete('gongkai set 1 --status 推')).toEqual(['推进中']);
    expect(complete('gongkai status --as-of 昨')).toEqual(['昨天']);
    expect(complete('gongkai completion ')).toEqual(['bash', 'zsh']);
  });

  it('completes department names and item numbers from the ledger', () => {
    expect(complete('gongkai status --dept 社会')).toEqual(['社会组织管理局(社会组织执法监督局)', '社会组织管理局', '社会组织执法监督局', '社会救助司', '社会事务司']);
    expect(complete(`gongkai --ledger ${LEDGER} overdue --dept 信息`)).toEqual(['信息中心']);
    expect(complete('gongkai done 3')).toEqual(['3', '30', '31', '32', '33', '34', '35']);
  });

  it('completes file names where a file is wanted', () => {
    const dir = tempDir({ '通知.txt': '', 'other.md': '' });
    expect(complete('gongkai import 通', dir)).toEqual(['通知.txt']);
  });

  it('never evaluates ledger text: a department named $(touch …) is offered as text, not run', () => {
    const dir = tempDir({
      'ledger.yaml': [
        'plan: { title: 测试, year: 2021, default_due: 2021-12-31 }',
        'departments:',
        '  departments:',
        "    - { name: '$(touch${IFS}pwned)司', kind: internal }",
        'sections: []',
      ].join('\n'),
    });
    expect(complete('gongkai --ledger ledger.yaml status --dept $', dir)).toEqual(['$(touch${IFS}pwned)司']);
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
