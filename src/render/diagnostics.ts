import type { TextSource } from '../read/source-texts.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Styles } from './styles.js';
import { displayWidth, safeLine } from './safe-text.js';

const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;

function location(d: Diagnostic): string {
  // A file name is data too (a path git passes to the merge driver). A cell of a workbook stands where a line would.
  return safeLine(d.line !== undefined ? `${d.file}:${d.line}:${d.col ?? 1}` : d.cell ? `${d.file}:${d.cell}` : d.file);
}

/** Characters of a source line shown before and after the caret: a 1 MB line is not echoed whole. */
const EXCERPT_BEFORE = 60;
const EXCERPT_AFTER = 100;

/**
 * The part of a long line around a column, with … where it was cut, and the
 * column within that part. Cut before the control characters are removed, so
 * a huge line costs no more than a short one.
 */
function clipAroundColumn(source: string, col: number): { shown: string; col: number } {
  const start = Math.max(0, col - 1 - EXCERPT_BEFORE);
  const end = col - 1 + EXCERPT_AFTER;
  if (start === 0 && source.length <= end) return { shown: safeLine(source), col };
  const head = start > 0 ? '…' : '';
  const before = safeLine(source.slice(start, col - 1));
  const rest = safeLine(source.slice(col - 1, end)) + (source.length > end ? '…' : '');
  return { shown: head + before + rest, col: [...head + before].length + 1 };
}

/** A message quoting a huge value is cut too. */
function clipMessage(message: string): string {
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

/** Line n (1-based) of a text, as splitting it at \n, \r\n and \r would give it; the line starts are found on the first call. */
function lineReader(text: string): (line: number) => string | undefined {
  let starts: number[] | undefined;
  return (line) => {
    if (!starts) {
      starts = [0];
      if (!text.includes('\r')) {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      } else {
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c === 10) starts.push(i + 1);
          else if (c === 13) {
            if (text.charCodeAt(i + 1) === 10) i++;
            starts.push(i + 1);
          }
        }
      }
    }
    const start = starts[line - 1];
    if (start === undefined) return undefined;
    const next = starts[line];
    if (next === undefined) return text.slice(start);
    // Without its line end (\n, \r\n or \r).
    const end = text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 && next - 2 >= start ? next - 2 : next - 1;
    return text.slice(start, end);
  };
}

/** The source line and a caret under the offending token, hledger style. */
function excerpt(d: Diagnostic, lines: (file: string) => ((line: number) => string | undefined) | undefined): string[] {
  if (d.line === undefined) return [];
  const source = d.line >= 1 ? lines(d.file)?.(d.line) : undefined;
  if (source === undefined) return [];
  const { shown, col } = clipAroundColumn(source, Math.max(1, d.col ?? 1));
  const chars = [...shown];
  const before = chars.slice(0, col - 1).join('');
  const token = /^\S*?(?=[,\]}]*(?:\s|$))/.exec(chars.slice(col - 1).join(''))?.[0] || ' ';
  const gutter = String(d.line).length;
  return [
    `${' '.repeat(gutter + 1)}|`,
    `${d.line} | ${shown}`,
    `${' '.repeat(gutter + 1)}| ${' '.repeat(displayWidth(before))}${'^'.repeat(Math.max(1, Math.min(displayWidth(token), 40)))}`,
  ];
}

/** The head line's message, and its further lines indented under the head. */
function messageLines(message: string): string[] {
  const [first = '', ...rest] = message.split(/\r?\n|\r/).map((l) => safeLine(clipMessage(l)));
  return [first, ...rest.map((l) => `  ${l}`)];
}

/** Diagnostics as text: `file:line:col: 错误[CODE] message`, then the line and a caret; 提示 (info) carries no colour. */
export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], texts: TextSource, styles: Styles): string {
  // Each file's line starts found once, and only the lines shown cut out: a large ledger can have thousands of warnings in 200,000 lines.
  const indexed = new Map<string, ((line: number) => string | undefined) | undefined>();
  const lines = (file: string) => {
    if (!indexed.has(file)) {
      const fromBytes = texts.lines?.(file);
      const text = fromBytes ? undefined : texts.get(file);
      indexed.set(file, fromBytes ?? (text === undefined ? undefined : lineReader(text)));
    }
    return indexed.get(file);
  };
  const paint = { error: styles.error, warning: styles.warning, info: (s: string) => s };
  return diagnostics
    .map((d) => {
      const [head, ...more] = messageLines(d.message);
      const label = paint[d.severity](`${SEVERITY_LABELS[d.severity]}[${d.code}]`);
      return [`${styles.bold(location(d))}: ${label} ${head}`, ...more, ...excerpt(d, lines).map((l) => styles.dim(l))].join('\n') + '\n';
    })
    .join('');
}

/** 2 个错误、1 个警告 */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (!diagnostics.length) return '没有发现问题';
  return [errors ? `${errors} 个错误` : '', warnings ? `${warnings} 个警告` : ''].filter(Boolean).join('、');
}

/** The JSON form of a diagnostic, with stable keys. */
export function diagnosticAsJson(d: Diagnostic) {
  return { code: d.code, severity: d.severity, message: d.message, file: d.file, line: d.line ?? null, col: d.col ?? null };
}
