import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const valid = readFileSync(join(FIXTURES, 'ledgers', 'valid.yaml'), 'utf8');

async function validate(file: string) {
  const result = await runCli(['validate', '--ledger', file]);
  expect(hasStackTrace(result.out + result.err)).toBe(false);
  return result;
}

describe('reading a ledger file', () => {
  it('accepts a UTF-8 BOM and CRLF line ends, and reports positions in them', async () => {
    const dir = tempDir({ 'ledger.yaml': '\uFEFF' + valid.replace('[信息中心]', '[信息中新]').replace(/\n/g, '\r\n') });
    const result = await validate(join(dir, 'ledger.yaml'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('ledger.yaml:36:21: 错误[UNKNOWN_DEPARTMENT]');
    const clean = tempDir({ 'ledger.yaml': '\uFEFF' + valid.replace(/\n/g, '\r\n') });
    expect((await validate(join(clean, 'ledger.yaml'))).code).toBe(0);
  });

  it('says a missing file does not exist, exit 2', async () => {
    const dir = tempDir();
    const result = await validate(join(dir, 'nope.yaml'));
    expect(result.code).toBe(2);
    expect(result.err).toBe(`${join(dir, 'nope.yaml')}: 错误[FILE_NOT_FOUND] 文件不存在\n`);
  });

  it('says a directory is not a file, exit 2', async () => {
    const dir = tempDir();
    const result = await validate(dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('错误[NOT_A_FILE] 这是一个目录，不是文件');
  });

  it('refuses a binary file', async () => {
    const dir = tempDir({ 'ledger.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
    const result = await validate(join(dir, 'ledger.yaml'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('错误[NOT_TEXT] 文件不是文本');
  });

  it('names GB18030 when a ledger is not UTF-8', async () => {
    // 未启动 in GB18030 (GBK): CE B4 C6 F4 B6 AF
    const bytes = Buffer.concat([Buffer.from('plan:\n  title: '), Buffer.from([0xce, 0xb4, 0xc6, 0xf4, 0xb6, 0xaf]), Buffer.from('\n')]);
    const dir = tempDir({ 'ledger.yaml': bytes });
    const result = await validate(join(dir, 'ledger.yaml'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('错误[NOT_UTF8]');
    expect(result.err).toContain('GB18030');
  });

  it('reads a ledger from stdin with --ledger -', async () => {
    const result = await runCli(['validate', '--ledger', '-'], { stdinText: valid });
    expect(result.code).toBe(0);
    expect(result.out).toContain('-：4 项任务，没有发现问题');
  });

  it('reports every problem in one run, not only the first', async () => {
    const dir = tempDir({ 'ledger.yaml': valid.replace('[信息中心]', '[信息中新]').replace('status: 未启动', 'status: 没开始').replace('due: 2021-09-30', 'due: 2021-09-31') });
    const result = await runCli(['validate', '--ledger', join(dir, 'ledger.yaml'), '--format', 'json']);
    const codes = JSON.parse(result.out).diagnostics.map((d: { code: string }) => d.code).sort();
    expect(codes).toEqual(['BAD_DATE', 'BAD_STATUS', 'UNKNOWN_DEPARTMENT']);
  });
});
