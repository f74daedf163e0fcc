import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/io.js';
import { memoryIo } from '../helpers/memory-io.js';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const at = (date: string) => () => new Date(`${date}T04:00:00Z`);

/** Runs gongkai in this process, whose own folder stays the repository's: only Io says where the run is. */
async function runCli(argv: string[], io: Partial<Io>) {
  const memory = memoryIo(io);
  const code = await run(argv, memory);
  expect(process.cwd()).not.toBe(io.cwd);
  return { code, out: memory.out, err: memory.err };
}

/** A working folder of its own (not the test process's), with a ledger that differs from the shipped one, its settings and a calendar file. */
function workingFolder(calendar = 'year: 2021\nholidays: [2021-13-01]\n') {
  const ledger = readFileSync(SHIPPED_LEDGER, 'utf8').replace('title: 民政部2021年政务公开工作要点及任务分工', 'title: 只在这个目录里的台账');
  return tempDir({
    'gongkai.yaml': 'ledger: ledger.yaml\n',
    'ledger.yaml': ledger,
    'departments.yaml': readFileSync(SHIPPED_REGISTRY),
    'calendar/2021.yaml': calendar,
  });
}

describe('a run reads its folder, environment and clock only through Io', () => {
  it('status with a fake folder and clock: the settings, ledger and calendar of that folder, that day, the same from the cache', async () => {
    const folder = workingFolder();
    const env = { GONGKAI_CACHE_DIR: tempDir(), NO_COLOR: '1' };
    const status = async (today: string) => {
      const result = await runCli(['status', '--format', 'json'], { cwd: folder, env, now: at(today) });
      expect(result.code, result.err).toBe(0);
      return { report: JSON.parse(result.out), err: result.err };
    };
    for (const round of [1, 2]) {
      const october = await status('2021-10-08');
      // gongkai.yaml, the ledger and its registry were found from Io's folder, not the test process's.
      expect(october.report.plan.title, `round ${round}`).toBe('只在这个目录里的台账');
      expect(october.report.as_of).toBe('2021-10-08');
      // The calendar file beside that ledger is read, and named from that folder.
      expect(october.err).toContain('calendar/2021.yaml: 警告[CALENDAR_INVALID]');
      const lateDecember = await status('2021-12-31');
      expect(lateDecember.report.as_of).toBe('2021-12-31');
      // Another day, another answer: the clock is part of what the cached view depends on.
      expect(lateDecember.report.totals.due_soon).not.toBe(october.report.totals.due_soon);
    }
  });

  it('a fixed calendar file changes the answer at once: the cache key lists the same files the reader reads', async () => {
    const folder = workingFolder();
    const env = { GONGKAI_CACHE_DIR: tempDir(), NO_COLOR: '1' };
    const run = () => runCli(['status', '--format', 'json'], { cwd: folder, env, now: at('2021-10-08') });
    expect((await run()).err).toContain('CALENDAR_INVALID');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(folder, 'calendar', '2021.yaml'), 'year: 2021\nholidays: [2021-10-11]\n');
    expect((await run()).err).not.toContain('CALENDAR_INVALID');
  });

  it('validate from two folders over one cache: file names as seen from each folder (the folder is in the cache key)', async () => {
    const folder = workingFolder();
    // One error in the ledger, so validate names the file.
    const broken = readFileSync(join(folder, 'ledger.yaml'), 'utf8').replace('status: 未启动', 'status: 进行中啦');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(folder, 'ledger.yaml'), broken);
    const env = { GONGKAI_CACHE_DIR: tempDir(), NO_COLOR: '1' };
    const inside = await runCli(['validate', '--ledger', 'ledger.yaml'], { cwd: folder, env, now: at('2021-10-08') });
    expect(inside.code).toBe(1);
    expect(inside.out + inside.err).toMatch(/^ledger\.yaml:\d+:\d+: 错误\[BAD_STATUS\]/m);
    const above = await runCli(['validate', '--ledger', `${basename(folder)}/ledger.yaml`], { cwd: dirname(folder), env, now: at('2021-10-08') });
    expect(above.code).toBe(1);
    expect(above.out + above.err).toMatch(new RegExp(`^${basename(folder)}/ledger\\.yaml:\\d+:\\d+: 错误\\[BAD_STATUS\\]`, 'm'));
  });
});

describe('edits and written files land in the run\'s folder, named as typed there', () => {
  it('note edits the ledger of Io\'s folder on the fake day; status -o and remind -o write there; nothing lands in the process\'s folder', async () => {
    const folder = workingFolder('year: 2021\nholidays: [2021-10-01]\n');
    const env = { GONGKAI_CACHE_DIR: tempDir(), NO_COLOR: '1' };
    const { existsSync } = await import('node:fs');
    const io = { cwd: folder, env, now: at('2021-10-08') };
    // No --on: the record's date is the fake clock's day.
    const noted = await runCli(['note', '23', '--dept', '信息中心', '只在这个目录里记下的进展'], io);
    expect(noted.code, noted.err).toBe(0);
    expect(readFileSync(join(folder, 'ledger.yaml'), 'utf8')).toMatch(/- \{ date: 2021-10-08, dept: 信息中心, note: 只在这个目录里记下的进展 \}/);
    expect(readFileSync(SHIPPED_LEDGER, 'utf8')).not.toContain('只在这个目录里记下的进展');
    // A relative --ledger is that folder's too.
    const set = await runCli(['set', '22', '--status', '推进中', '--ledger', 'ledger.yaml'], io);
    expect(set.code, set.err).toBe(0);
    expect(readFileSync(join(folder, 'ledger.yaml'), 'utf8')).toMatch(/number: "22"[\s\S]*?status: 推进中/);
    const written = await runCli(['status', '--format', 'md', '-o', '汇总.md'], io);
    expect(written.code, written.err).toBe(0);
    expect(written.err).toContain('已写入 汇总.md');
    expect(readFileSync(join(folder, '汇总.md'), 'utf8')).toContain('只在这个目录里的台账');
    // Late in the year some items are overdue: one letter per department to chase, in the folder named.
    const reminders = await runCli(['remind', '-o', '催办', '--format', 'md'], { ...io, now: at('2021-12-28') });
    expect(reminders.code, reminders.err).toBe(0);
    expect(reminders.err).toContain(`已写入 ${join(folder, "催办")}/`);
    expect(readdirSync(join(folder, '催办')).length).toBeGreaterThan(0);
    for (const name of ['汇总.md', '催办']) expect(existsSync(join(process.cwd(), name)), name).toBe(false);
  });
});
