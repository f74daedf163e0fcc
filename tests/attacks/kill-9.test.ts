import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editLedgerFile } from '../../src/edit/edit-ledger.js';
import type { LedgerEdit } from '../../src/edit/ledger-edit.js';
import { BIN, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { checkedOpener, tempDir } from '../helpers/temp.js';
import { randomSource } from '../fuzz/mutate.js';
import { scaled } from '../helpers/scale.js';

/**
 * Runs killed before they finished; runs the kill missed (they had ended) do not count. The default run
 * goes on past them until it has seen both outcomes (cut before the rename, change written); more kills,
 * landing at more points, at full size.
 */
const KILLS = scaled(2, 50);
/** Runs at most: room for both outcomes to turn up on a loaded machine, however few kills are asked for. */
const MAX_RUNS = Math.max(KILLS * 6, 24);
const TODAY = '2021-10-08';

/** The edit as gongkai's command line takes it, and as editLedgerFile takes it. */
function editFor(i: number, random: () => number): { args: string[]; edit: LedgerEdit } {
  const item = String(1 + Math.floor(random() * 35));
  if (i % 2 === 0) {
    const status = (['推进中', '持续推进', '未启动'] as const)[i % 3]!;
    const keys = { 推进中: 'in_progress', 持续推进: 'ongoing', 未启动: 'not_started' } as const;
    return { args: ['set', item, '--status', status], edit: { item, status: keys[status] } };
  }
  return { args: ['note', item, '--dept', '信息中心', '--on', TODAY, `第 ${i} 次进展`], edit: { item, note: { date: TODAY, dept: '信息中心', note: `第 ${i} 次进展` } } };
}

/** The bytes the edit gives when it runs to the end, worked out on a copy. */
async function expectedAfter(dir: string, ledger: string, edit: LedgerEdit): Promise<Buffer> {
  const copy = join(dir, 'expected.yaml');
  copyFileSync(ledger, copy);
  try {
    await editLedgerFile(copy, edit, { cwd: dirname(copy), open: checkedOpener(copy, TODAY) });
  } catch {
    // Refused (say, the status was already that): the file stays as it was.
  }
  return readFileSync(copy);
}

function killedAfter(args: string[], ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', GONGKAI_CACHE: 'off' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('kill -9 at random points of set and note', () => {
  it(`${KILLS} kills or more: every survivor is the old or the new file, byte for byte, and validates; the next edit takes over the lock`, async () => {
    const random = randomSource(9);
    const dir = tempDir({ 'ledger.yaml': readFileSync(SHIPPED_LEDGER), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(dir, 'ledger.yaml');
    // How long a whole run takes here, so the kills land anywhere from start-up to the rename.
    const started = Date.now();
    await killedAfter(['--ledger', ledger, 'set', '1', '--status', '推进中'], 60_000);
    // A run that ended before its kill shortens the window: a busy machine makes the first run slow, later ones fast.
    let runMs = Date.now() - started;
    const outcomes = { old: 0, new: 0, torn: 0, killed: 0 };
    // Until both outcomes were seen too: on a loaded machine a handful of kills may all land before the rename.
    for (let i = 0; (outcomes.killed < KILLS || outcomes.old === 0 || outcomes.new === 0) && i < MAX_RUNS; i++) {
      const { args, edit } = editFor(i, random);
      const old = readFileSync(ledger);
      const next = await expectedAfter(dir, ledger, edit);
      const began = Date.now();
      const code = await killedAfter(['--ledger', ledger, ...args], Math.floor(random() * runMs * 1.2));
      if (code !== null) runMs = Math.min(runMs, Date.now() - began);
      const now = readFileSync(ledger);
      const which = now.equals(old) ? 'old' : now.equals(next) ? 'new' : 'torn';
      expect(which, `kill ${i} (${args.join(' ')})`).not.toBe('torn');
      if (code === null) outcomes.killed++;
      outcomes[which]++;
      const validated = await runCli(['validate', '--ledger', ledger], { env: { GONGKAI_CACHE: 'off' } });
      expect(validated.code, validated.out.slice(0, 300)).toBe(0);
    }
    // Some runs were cut before the rename, some got their change written.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
    expect(outcomes.killed).toBeGreaterThanOrEqual(KILLS);
    // Whatever lock the last kill left, the next edit takes it over: a lock it could not take over
    // (a holder it thinks alive) would make it give up after its wait, with an error, not succeed.
    expect(await killedAfter(['--ledger', ledger, 'note', '1', '--dept', '信息中心', '--on', TODAY, '收尾'], 120_000)).toBe(0);
  }, 600_000);
});
