import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, NOTICE } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { randomSource } from './mutate.js';

/**
 * The notice fuzzer: real notices (the shipped one and those of other offices),
 * mutated with the pieces notices are made of (brackets, role words, labels,
 * numbering, `|` cells, deadline words), cut off anywhere, and random tables —
 * each through `gongkai import --format json`. Every run must give a result
 * (exit 0 or 1, its JSON parses) or a clear refusal (exit 2, no stack trace):
 * never exit 70, never a hang.
 */

const NOTICES = join(FIXTURES, 'notices');
const SEEDS = [readFileSync(NOTICE, 'utf8'), ...readdirSync(NOTICES).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(join(NOTICES, n), 'utf8'))];

const PIECES = [
  '(', ')', '（', '）', '〔', '〕', '[', ']', '、', ',', '，', ';', '；', ':', '：', '。', '|', '\n|\n', ' | ', '\n', '\t', '\r', '\u3000', '\0', '\u202e', '\ufeff',
  '牵头', '配合', '负责', '按职责分工负责', '分别牵头', '会同', '由', '此项工作由', '牵头单位:', '责任单位：', '配合单位:', '完成时限:', '序号', '工作任务', '责任处室',
  '一、', '(一)', '（二十四）', '1.', '2、', '１．', '1)', '①', '⑳', '99999.', '2021年底前', '6月前', '三季度', '长期推进', '收到申请后10个工作日内', '视情况而定',
  '各司(局)', '办公厅(国际合作司)', '市府办〔市大数据局〕', '各县(市、区)政府', '((((((((((', '))))))))', '〔〔〔〔', '不再一一列出', '以下各项工作', '关于印发《', '》的通知',
  '政策法規司牽頭', '<table><tr><td>', '</td><td rowspan="999">', '&amp;', '相关阅读', '\u00a0',
];

type Mutation = (text: string, random: () => number) => string;
const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const at = (text: string, random: () => number) => Math.floor(random() * (text.length + 1));

const MUTATIONS: Mutation[] = [
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(PIECES, r) + t.slice(i);
  },
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 40));
  },
  // Cut off anywhere, as stored web pages are.
  (t, r) => t.slice(0, at(t, r)),
  (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, ...lines.slice(i, i + 1 + Math.floor(r() * 4)));
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    for (let k = 0; k < 3; k++) {
      const a = Math.floor(r() * lines.length);
      const b = Math.floor(r() * lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    }
    return lines.join('\n');
  },
  // Flattened into one line, or every line a cell.
  (t) => t.replace(/\n/g, ' '),
  (t, r) => t.split('\n').slice(0, 40 + Math.floor(r() * 40)).map((l) => `${l}\n|`).join('\n'),
];

/** A random table as text: pipe rows or a cell per line, ragged rows, empty cells, random words. */
function randomTable(random: () => number): string {
  const header = ['序号', '工作任务', '具体要求', '牵头单位', '责任单位', '配合单位', '完成时限', '备注', ''].filter(() => random() < 0.6);
  const cell = () => (random() < 0.15 ? '' : random() < 0.3 ? String(Math.floor(random() * 20)) : pick(PIECES, random) + pick(PIECES, random) + (random() < 0.5 ? '办公室' : '做好信息公开工作。'));
  const rows = [header, ...Array.from({ length: Math.floor(random() * 12) }, () => Array.from({ length: Math.floor(random() * (header.length + 2)) }, cell))];
  return random() < 0.5 ? rows.map((r) => `${r.join(' | ')} |`).join(random() < 0.5 ? '\n' : '\n|\n') : rows.flat().map((c) => `${c}\n|`).join('\n');
}

export interface NoticeFuzzFailure {
  seed: number;
  index: number;
  problem: string;
  input: string;
}

export interface NoticeFuzzCounts {
  notices: number;
  exitCodes: Record<string, number>;
  failures: NoticeFuzzFailure[];
}

/** CPU time one import may take (CPU, not the wall clock: the machine is shared, and a loaded run is slow, not hung). */
const HANG_CPU_MS = 10_000;

export async function fuzzNotices(seed: number, options: { count?: number; until?: number }): Promise<NoticeFuzzCounts> {
  const random = randomSource(seed);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-notice-fuzz-'));
  const counts: NoticeFuzzCounts = { notices: 0, exitCodes: {}, failures: [] };
  try {
    for (let index = 0; (options.count === undefined || index < options.count) && (options.until === undefined || Date.now() < options.until); index++) {
      let input = random() < 0.2 ? randomTable(random) : pick(SEEDS, random);
      const rounds = 1 + Math.floor(random() * 6);
      for (let k = 0; k < rounds; k++) input = pick(MUTATIONS, random)(input, random);
      if (!input.trim()) input = '一、\n1.';
      const file = join(dir, 'notice.txt');
      writeFileSync(file, input);
      counts.notices++;
      const started = process.cpuUsage();
      let problem: string | undefined;
      try {
        const result = await runCli(['import', file, '--format', 'json'], { env: { NO_COLOR: '1', GONGKAI_CACHE: 'off' } });
        counts.exitCodes[result.code] = (counts.exitCodes[result.code] ?? 0) + 1;
        if (![0, 1, 2].includes(result.code)) problem = `exit ${result.code}: ${result.err.split('\n')[0]}`;
        else if (hasStackTrace(result.err + result.out)) problem = `stack trace: ${result.err.slice(0, 300)}`;
        else if (result.code !== 2) JSON.parse(result.out);
        else if (!result.err.trim()) problem = 'refused without a message';
      } catch (cause) {
        problem = `threw: ${String(cause)}`;
      }
      const used = process.cpuUsage(started);
      const cpuMs = (used.user + used.system) / 1000;
      if (!problem && cpuMs > HANG_CPU_MS) problem = `took ${Math.round(cpuMs)} ms of CPU`;
      if (problem) counts.failures.push({ seed, index, problem, input });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return counts;
}

/** Writes each failing notice to `folder`; returns the files. */
export function saveNoticeFailures(failures: readonly NoticeFuzzFailure[], folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  return failures.map((f, i) => {
    const file = join(folder, `seed-${f.seed}-notice-${f.index}-${i}.txt`);
    writeFileSync(file, f.input);
    return file;
  });
}
