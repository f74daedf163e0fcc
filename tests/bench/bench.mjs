// Times whole-process runs of gongkai on generated ledgers of 35 to 100,000 items, beside `node -e 0`,
// and Taskwarrior's equivalent reports when `task` is installed (Debian: apt-get install taskwarrior).
// Usage: npm run bench [-- --sizes 35,1000,10000 --runs 7 --cache-rounds 500]
// Not part of npm test: it measures, it does not assert.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate-ledger.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'gongkai.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const SIZES = option('sizes', '35,1000,10000,100000').split(',').map(Number);
const RUNS = Number(option('runs', '7'));
const CACHE_ROUNDS = Number(option('cache-rounds', '0'));
const CACHE_ROUNDS_SIZE = 10_000;
const AS_OF = '2021-10-08';
const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
const cacheDir = join(work, 'cache');
const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const hasTask = spawnSync('task', ['--version']).status === 0;

/**
 * The environment of every run, gongkai's and `node -e 0`'s alike: without NODE_EXTRA_CA_CERTS, as on a machine
 * that has none. With it set (as in some sandboxes and corporate set-ups) every node process first parses the
 * whole certificate bundle, about 40 ms here, which makes node's own start-up slower and every ratio to it smaller.
 */
const { NODE_EXTRA_CA_CERTS: extraCerts, ...plainEnv } = process.env;
if (extraCerts !== undefined) console.log('(NODE_EXTRA_CA_CERTS is unset for every run measured: node then starts as on a machine without it)');

/** One run: wall seconds, CPU seconds (user + system) and peak RSS in MB (from GNU time). */
function once(command, commandArgs, env = {}) {
  const wrapped = hasTime ? ['/usr/bin/time', ['-f', '%M %U %S', command, ...commandArgs]] : [command, commandArgs];
  const started = process.hrtime.bigint();
  const result = spawnSync(wrapped[0], wrapped[1], { env: { ...plainEnv, NO_COLOR: '1', GONGKAI_CACHE_DIR: cacheDir, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
  const [rssKb, user, system] = hasTime ? result.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, rss: rssKb / 1024, cpu: user + system };
}

function stats(samples) {
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpu).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], rss: Math.max(...samples.map((s) => s.rss)), cpu: cpu[Math.floor(cpu.length / 2)] };
}

/**
 * Times a command, each run paired with a `node -e 0` run right before it, so
 * the ratio compares like with like on a machine whose speed drifts.
 * `before` runs before each timed run (to edit the ledger by hand, say).
 */
function measure(command, commandArgs, runs, before, env = {}) {
  if (!before) once(command, commandArgs, env); // warm the cache and the disk
  const samples = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    floor.push(once(process.execPath, ['-e', '0']));
    before?.(i);
    samples.push(once(command, commandArgs, env));
  }
  return { ...stats(samples), floor: stats(floor).median, floorCpu: stats(floor).cpu };
}

/** Like measure, with the command's arguments made anew for every run (an edit that must change something each time). */
function measureEach(makeArgs, runs) {
  once(process.execPath, makeArgs());
  const samples = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    floor.push(once(process.execPath, ['-e', '0']));
    samples.push(once(process.execPath, makeArgs()));
  }
  return { ...stats(samples), floor: stats(floor).median, floorCpu: stats(floor).cpu };
}

function record(size, name, result) {
  const ratio = result.median / result.floor;
  console.log(
    `${String(size).padStart(7)}  ${name.padEnd(34)} ${result.median.toFixed(3)} s  (${result.min.toFixed(3)}–${result.max.toFixed(3)})  ${ratio.toFixed(2)}× node -e 0 (${result.floor.toFixed(3)} s)  CPU ${result.cpu.toFixed(2)} s (node ${result.floorCpu.toFixed(2)} s, ${(result.cpu / result.floorCpu).toFixed(1)}×)  ${result.rss.toFixed(0)} MB`,
  );
}

function taskwarrior(size, ledgerFile, runs) {
  const data = join(work, `task-${size}`);
  mkdirSync(data, { recursive: true });
  const rc = join(data, 'taskrc');
  writeFileSync(rc, `data.location=${data}\nconfirmation=off\nverbose=nothing\nnews.version=2.6.2\nrecurrence=off\n`);
  const env = { TASKRC: rc, TASKDATA: data };
  // The same items: project = the accountable department, due date, status.
  const exported = JSON.parse(execFileSync(process.execPath, [BIN, 'export', '--ledger', ledgerFile], { maxBuffer: 1 << 30, encoding: 'utf8' }));
  const tasks = exported.items.map((item, i) => ({
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    description: item.text.slice(0, 60),
    project: (item.roles.find((r) => r.role !== 'cooperate')?.department ?? '未指明').replace(/[()]/g, ''),
    status: item.status === 'done' ? 'completed' : item.status === 'cancelled' ? 'deleted' : 'pending',
    entry: '20210301T000000Z',
    due: `${item.due.replace(/-/g, '')}T000000Z`,
    ...(item.status === 'done' ? { end: `${(item.done_on ?? item.due).replace(/-/g, '')}T000000Z` } : {}),
  }));
  const file = join(data, 'import.json');
  writeFileSync(file, JSON.stringify(tasks));
  execFileSync('task', ['import', file], { env: { ...process.env, ...env }, stdio: 'ignore', maxBuffer: 1 << 30 });
  const run = (name, taskArgs, before) => record(size, name, measure('task', taskArgs, runs, before, env));
  run('taskwarrior: task summary', ['rc.gc=off', 'summary']);
  run('taskwarrior: task +OVERDUE list', ['rc.gc=off', '+OVERDUE', 'list']);
  let day = 1;
  run('taskwarrior: task 7 modify due:', ['rc.gc=off', '00000000-0000-4000-8000-000000000007', 'modify', `due:2021-12-${String(1 + (day++ % 28)).padStart(2, '0')}`]);
}

/** A person's hand edit of one item in the middle of the file (a different item each time): the cache cannot answer for the file. */
function handEditOneItem(ledger, i) {
  const text = readFileSync(ledger, 'utf8');
  const starts = [...text.matchAll(/^ {6}- number:/gm)].map((m) => m.index);
  const at = starts[(i * 7919 + Math.floor(starts.length / 2)) % starts.length];
  const textAt = text.indexOf('text: ', at) + 'text: '.length;
  writeFileSync(ledger, text.slice(0, textAt) + `（改${i}）` + text.slice(textAt));
}

/** Sizes of the cache folder after rounds of one-item edits and views, against its bound. */
function cacheRounds(ledger, rounds) {
  const bound = 200 * 1024 * 1024;
  let peak = 0;
  for (let i = 0; i < rounds; i++) {
    handEditOneItem(ledger, 10_000 + i);
    once(process.execPath, [BIN, 'status', '--as-of', AS_OF, '--ledger', ledger]);
    if (i % 5 === 0) once(process.execPath, [BIN, 'validate', '--ledger', ledger]);
    const bytes = readdirSync(cacheDir).reduce((sum, n) => sum + statSync(join(cacheDir, n)).size, 0);
    peak = Math.max(peak, bytes);
  }
  console.log(`cache after ${rounds} edit+view rounds: peak ${(peak / 1048576).toFixed(1)} MB, bound ${(bound / 1048576).toFixed(0)} MB`);
}

console.log(`gongkai benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${RUNS} runs each (fewer at 100,000), medians`);
if (!hasTask) console.log('(Taskwarrior not installed: apt-get install taskwarrior to compare)');
const shipped = join(ROOT, 'data', 'ledger.yaml');
for (const [name, viewArgs] of [
  ['status', ['status']],
  ['status --dept 信息中心', ['status', '--dept', '信息中心']],
  ['overdue', ['overdue']],
  ['checklist --dept 信息中心', ['checklist', '--dept', '信息中心']],
  ['validate', ['validate']],
]) {
  record(35, `shipped: ${name}`, measure(process.execPath, [BIN, ...viewArgs, '--ledger', shipped], RUNS));
  record(35, `shipped: ${name}, GONGKAI_CACHE=off`, measure(process.execPath, [BIN, ...viewArgs, '--ledger', shipped], RUNS, undefined, { GONGKAI_CACHE: 'off' }));
}
for (const size of SIZES) {
  const runs = size >= 100_000 ? 3 : size >= 10_000 ? 5 : RUNS;
  const dir = join(work, `ledger-${size}`);
  const ledger = generate(size, dir);
  const gk = (...a) => [BIN, ...a, '--ledger', ledger];
  record(size, 'validate', measure(process.execPath, gk('validate'), runs));
  record(size, 'status', measure(process.execPath, gk('status', '--as-of', AS_OF), runs));
  record(size, 'status --dept 信息中心', measure(process.execPath, gk('status', '--dept', '信息中心', '--as-of', AS_OF), runs));
  record(size, 'overdue', measure(process.execPath, gk('overdue', '--as-of', AS_OF), runs));
  const out = join(work, `checklists-${size}`);
  record(size, 'checklist --all', measure(process.execPath, [...gk('checklist', '--all', '-o', out, '--as-of', AS_OF)], runs));
  // A one-item hand edit before every run: the files' content is new, the other items are not.
  const edit = (i) => handEditOneItem(ledger, i);
  record(size, 'status, right after a one-item hand edit', measure(process.execPath, gk('status', '--as-of', AS_OF), runs, edit));
  record(size, 'overdue, right after a one-item hand edit', measure(process.execPath, gk('overdue', '--as-of', AS_OF), runs, edit));
  record(size, 'validate, right after a one-item hand edit', measure(process.execPath, gk('validate'), runs, edit));
  let day = 0;
  const setArgs = () => gk('set', '7', '--due', `2021-12-${String(1 + (day++ % 28)).padStart(2, '0')}`, '--force');
  record(size, 'set 7 --due … (edit, check, write)', measureEach(setArgs, runs));
  record(size, 'status, cold (GONGKAI_CACHE=off)', measure(process.execPath, gk('status', '--as-of', AS_OF), runs, undefined, { GONGKAI_CACHE: 'off' }));
  if (hasTask) taskwarrior(size, ledger, runs);
  if (size === CACHE_ROUNDS_SIZE && CACHE_ROUNDS) cacheRounds(ledger, CACHE_ROUNDS);
  rmSync(dir, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });
