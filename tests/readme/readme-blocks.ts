/**
 * The README's code blocks, as the README test reads them: shell blocks (```sh) are
 * scripts; a block whose lines start with `$ ` is a transcript — commands and the
 * output the README shows for them. A block preceded by
 * `<!-- readme-test: skip 理由 -->` is not run, and must say why.
 */
export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  kind: 'script' | 'transcript';
  text: string;
  skip?: string;
}

export interface TranscriptStep {
  command: string;
  /** The lines the README shows after the command. */
  shown: string[];
}

export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = lines[i]!.length - lines[i]!.trimStart().length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    const before = lines.slice(Math.max(0, i - 2), i).join('\n');
    const skip = /<!-- readme-test: skip (.+?) -->/.exec(before)?.[1];
    const info = open[1];
    if (info === 'sh') blocks.push({ line: i + 1, kind: 'script', text: body.join('\n'), ...(skip ? { skip } : {}) });
    else if (!info && body.some((l) => l.startsWith('$ '))) blocks.push({ line: i + 1, kind: 'transcript', text: body.join('\n'), ...(skip ? { skip } : {}) });
    i = j;
  }
  return blocks;
}

export function transcriptSteps(text: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), shown: [] });
    else steps[steps.length - 1]?.shown.push(line);
  }
  for (const step of steps) while (step.shown.length && !step.shown[step.shown.length - 1]!.trim()) step.shown.pop();
  return steps;
}

/**
 * Whether the output (stdout and stderr) has the shown lines, in order; lines the
 * README leaves out may come between (stdout and stderr interleave). A line `…`
 * is a reminder that lines are left out; `…` inside a line stands for any text; a commit id shown (7 hex digits) stands for any commit id.
 */
export function showsOutput(shown: readonly string[], actual: string): { ok: true } | { ok: false; missing: string } {
  const out = actual.split('\n').map((l) => l.trimEnd());
  let at = 0;
  for (const raw of shown) {
    const line = raw.trimEnd();
    if (line === '…' || line === '...' || !line) continue;
    const pattern = new RegExp(
      '^' +
        line
          .replace(/…/g, '\u0000')
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\b[0-9a-f]{7}\b/g, '[0-9a-f]{7,}')
          .replace(/\u0000/g, '.*') +
        '$',
    );
    const found = out.findIndex((l, k) => k >= at && pattern.test(l));
    if (found < 0) return { ok: false, missing: line };
    at = found + 1;
  }
  return { ok: true };
}
