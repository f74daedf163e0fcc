import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const NOTICE = [
  '某市2021年政务公开工作要点',
  '一、重点工作',
  '1.推进立法。',
  '牵头单位:市法制办',
  '完成时限:2021年底前完成并持续落实',
  '2.做好疫苗接种信息公开。',
  '责任单位:疾控处',
  '完成时限:长期推进',
].join('\n');

describe('due_text: the notice deadline words beside the computed date', () => {
  it('is written by import, exported, and validate checks it agrees with due and status', async () => {
    const dir = tempDir({ 'notice.txt': NOTICE });
    const ledger = join(dir, 'ledger.yaml');
    expect((await runCli(['import', join(dir, 'notice.txt'), '-o', ledger])).code).toBe(0);
    const written = readFileSync(ledger, 'utf8');
    expect(written).toContain('        due: 2021-12-31\n        due_text: 2021年底前完成并持续落实\n');
    expect(written).toContain('        status: 持续推进\n        due: 2021-12-31\n        due_text: 长期推进\n');

    const exported = JSON.parse((await runCli(['export', '--ledger', ledger, '--format', 'json'])).out);
    expect(exported.items.map((i: { due_text: string | null }) => i.due_text)).toEqual(['2021年底前完成并持续落实', '长期推进']);

    const clean = JSON.parse((await runCli(['validate', '--ledger', ledger, '--format', 'json'])).out);
    expect(clean.diagnostics.filter((d: { code: string }) => d.code.startsWith('DUE_TEXT'))).toEqual([]);

    writeFileSync(ledger, written.replace('due: 2021-12-31\n        due_text: 2021年底前', 'due: 2021-09-30\n        due_text: 2021年底前').replace('status: 持续推进', 'status: 未启动'));
    const checked = await runCli(['validate', '--ledger', ledger, '--format', 'json']);
    const messages = JSON.parse(checked.out).diagnostics.filter((d: { code: string }) => d.code === 'DUE_TEXT_MISMATCH').map((d: { message: string; line: number }) => `${d.line} ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^\d+ 第 1 项的时限 2021-09-30 与原文「2021年底前完成并持续落实」（2021-12-31）不一致；延期的请同时改写 due_text$/),
      expect.stringMatching(/^\d+ 第 2 项的原文时限「长期推进」是持续推进，状态却不是持续推进$/),
    ]);
  });
});
