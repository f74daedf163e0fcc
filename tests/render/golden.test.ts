import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const LEDGER = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
const GOLDEN = join(ROOT, 'tests', 'golden');
const AS_OF = ['--as-of', '2021-10-08'];

async function output(args: string[]): Promise<string> {
  const result = await runCli([...args, '--ledger', LEDGER, ...AS_OF]);
  expect(result.code, result.err).toBe(0);
  return result.out;
}

describe('golden output on the progress fixture, as of 2021-10-08', () => {
  it.each([
    ['status-summary.txt', ['status']],
    ['status-summary.md', ['status', '--format', 'md']],
    ['status-dept-信息中心.txt', ['status', '--dept', '信息中心']],
    ['status-dept-信息中心.md', ['status', '--dept', '信息中心', '--format', 'md']],
    ['status-dept-社会救助司.txt', ['status', '--dept', '社会救助司']],
    ['checklist-信息中心.md', ['checklist', '--dept', '信息中心']],
    ['overdue.txt', ['overdue']],
    ['overdue.md', ['overdue', '--format', 'md']],
  ])('%s', async (file, args) => {
    await expect(await output(args)).toMatchFileSnapshot(join(GOLDEN, file));
  });

  it('checklist --all -o DIR: one file per department and an index', async () => {
    const dir = tempDir();
    const out = join(dir, 'checklists');
    const result = await runCli(['checklist', '--all', '-o', out, '--ledger', LEDGER, ...AS_OF]);
    expect(result.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(16);
    expect(files).toContain('index.md');
    expect(files).toContain('办公厅(国际合作司).md');
    await expect(readFileSync(join(out, 'index.md'), 'utf8')).toMatchFileSnapshot(join(GOLDEN, 'checklist-all', 'index.md'));
    await expect(readFileSync(join(out, '办公厅(国际合作司).md'), 'utf8')).toMatchFileSnapshot(join(GOLDEN, 'checklist-all', '办公厅(国际合作司).md'));
    // The single-department checklist is the same text as its file in --all.
    expect(readFileSync(join(out, '信息中心.md'), 'utf8')).toBe(await output(['checklist', '--dept', '信息中心']));
    // 可能涉及 items are written once, in the index; department files only name them.
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    const listed = [...index.slice(index.indexOf('## 可能涉及的任务')).matchAll(/\*\*第 (\S+) 项\*\*/g)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(5);
    expect(new Set(listed).size).toBe(listed.length);
    for (const file of files.filter((f) => f !== 'index.md')) {
      const text = readFileSync(join(out, file), 'utf8');
      const possible = text.indexOf('## 可能涉及');
      if (possible >= 0) expect(text.slice(possible), file).not.toContain('- [ ]');
    }
  });
});
