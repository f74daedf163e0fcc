import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { FULL_SIZE } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';
import { safeFileName } from '../../src/edit/safe-file-name.js';

/**
 * The office that sends the 催办 (the registry's coordinator, else the
 * department the plan's issuer names: 民政部办公厅 → 办公厅(国际合作司)) is not
 * sent one by itself. It is told, on stderr, what it would be chased for —
 * the figures `overdue --dept` gives it — and every other department gets its letter as before.
 */
const at = { now: () => new Date('2022-01-05T02:00:00Z') };

type Group = { owner: string; unassigned: boolean; items: unknown[] };

describe('remind and the office that sends the reminders', () => {
  it('writes no 催办 to the office itself, whichever department the registry makes the coordinator, and says what it does instead', async () => {
    const registry = readFileSync(SHIPPED_REGISTRY, 'utf8');
    // No coordinator marked: the issuer's department; then the coordinator marked on another department, an affiliated
    // unit (at full size also on an internal one: the same rule for any department, each a third of this test's CPU).
    for (const coordinator of [undefined, ...(FULL_SIZE ? ['政策法规司'] : []), '信息中心']) {
      const marked = coordinator ? registry.replace(`  - name: ${coordinator}\n`, `  - name: ${coordinator}\n    coordinator: true\n`) : registry;
      if (coordinator) expect(marked).not.toBe(registry);
      const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': marked });
      const ledger = join(dir, 'ledger.yaml');
      const office = coordinator ?? '办公厅(国际合作司)';
      const label = `office ${office}`;
      const overdue = JSON.parse((await runCli(['--ledger', ledger, 'overdue', '--format', 'json'], at)).out);
      const count = (kind: 'overdue' | 'due_soon' | 'stale', name: string) => (overdue[kind] as Group[]).find((g) => g.owner === name)?.items.length ?? 0;
      const owners = new Set((['overdue', 'due_soon', 'stale'] as const).flatMap((k) => (overdue[k] as Group[]).filter((g) => !g.unassigned).map((g) => g.owner)));
      expect(owners.has(office), label).toBe(true);

      const folder = join(dir, '催办');
      const all = await runCli(['--ledger', ledger, 'remind', '-o', folder], at);
      expect(all.code, all.err).toBe(0);
      const written = readdirSync(folder).sort();
      expect(written, label).not.toContain(safeFileName(office, '.txt'));
      expect(written, label).toEqual([...owners].filter((o) => o !== office).map((o) => safeFileName(o, '.txt')).sort());
      expect(all.err, label).toContain(`${office}统筹协调、发出催办，不给自己写催办；它自己负责的任务中逾期 ${count('overdue', office)} 项`);
      expect(all.err, label).toContain(`gongkai overdue --dept ${office}`);

      const json = JSON.parse((await runCli(['--ledger', ledger, 'remind', '--format', 'json'], at)).out);
      expect(json.reminders.map((r: { department: string }) => r.department), label).not.toContain(office);
      expect(json.office, label).toEqual({ department: office, overdue: count('overdue', office), due_soon: count('due_soon', office), stale: count('stale', office) });

      // Asked for the office alone: no letter, the same note, not 「没有需要催办的任务」.
      const alone = await runCli(['--ledger', ledger, 'remind', '--dept', office], at);
      expect(alone.code, alone.err).toBe(0);
      expect(alone.out, label).toBe('');
      expect(alone.err, label).toContain('不给自己写催办');
      expect(alone.err, label).not.toContain('没有需要催办的任务');
    }
  }, 60_000);
});
