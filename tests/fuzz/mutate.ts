/** A small seeded PRNG (mulberry32): the same seed gives the same mutated ledgers. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Bits of text that YAML, the ledger format and terminals treat specially.
const FRAGMENTS = [
  ':', ': ', '-', '- ', '[', ']', '{', '}', ',', '"', "'", '*a', '&a ', '!!str ', '!!binary ', '|', '>', '#', '? ', '%YAML 1.1\n', '---\n', '...\n',
  '\t', '\n', '\r', '\r\n', '\0', '\u202e', '\ufeff', '\u2028', '\u001b[31m', '\u00a0', '𠀀', '😀', '\\', '~', 'null', 'true', '0x1F', '1e9', '.inf',
  '2021-02-30', '2021-13-01', '9999-12-31', '0000-01-01', '2021-10-08T10:00:00Z', '=1+1', '  =1+1', '@SUM(A1)', '<<: *a', '../../etc/passwd',
  '已完成', '推进中', '未启动', '持续推进', '已取消', '各有关司(局)', '信息中心', '办公厅', '制发司(局)', 'resolve:', 'progress:', 'done_on: ', 'due: ',
  '<<<<<<< HEAD\n', '=======\n', '>>>>>>> other\n', '&x [*x, *x, *x]', '[[[[[[[[[[', '{{{{{{{{', '"\\u0000"', "'it''s'",
];

type Mutation = (text: string, random: () => number) => string;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const at = (text: string, random: () => number) => Math.floor(random() * (text.length + 1));
const linesOf = (text: string) => text.split('\n');

const MUTATIONS: Mutation[] = [
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(FRAGMENTS, r) + t.slice(i);
  },
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 20));
  },
  (t, r) => {
    const lines = linesOf(t);
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  },
  (t, r) => {
    const lines = linesOf(t);
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i]!);
    return lines.join('\n');
  },
  (t, r) => {
    const lines = linesOf(t);
    const i = Math.floor(r() * lines.length);
    const j = Math.floor(r() * lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  },
  (t, r) => {
    const lines = linesOf(t);
    const i = Math.floor(r() * lines.length);
    lines[i] = r() < 0.5 ? ` ${lines[i]}` : lines[i]!.replace(/^ /, '');
    return lines.join('\n');
  },
  // Replace a value after a key with something else.
  (t, r) => {
    const lines = linesOf(t);
    const i = Math.floor(r() * lines.length);
    lines[i] = lines[i]!.replace(/: .*$/, `: ${pick(FRAGMENTS, r)}`);
    return lines.join('\n');
  },
  (t, r) => t.slice(0, at(t, r)),
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + String.fromCharCode(Math.floor(r() * 0x3000)) + t.slice(i + 1);
  },
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(FRAGMENTS, r).repeat(1 + Math.floor(r() * 2000)) + t.slice(i);
  },
];

/** A ledger text with 1–4 random mutations. */
export function mutate(text: string, random: () => number): string {
  let out = text;
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) out = pick(MUTATIONS, random)(out, random);
  return out;
}
