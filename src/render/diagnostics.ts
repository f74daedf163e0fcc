import type { TextSource } from '../read/source-texts.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Styles } from './styles.js';
import { displayWidth, safeLine } from './safe-text.js';

const SEVERITY_LABELS = { error: '错误', warning: '警告' } as const;

function location(d: Diagnostic): string {
  return d.line === undefined ? d.file : `${d.file}:${d.line}:${d.col ?? 1}`;
}

/** The source line and a caret under the offending token, hledger style. */
function excerpt(d: Diagnostic, lines: (file: string) => string[] | undefined): string[] {
  if (d.line === undefined) return [];
  const source = lines(d.file)?.[d.line - 1];
  if (source === undefined) return [];
  const shown = safeLine(source);
  const col = Math.max(1, d.col ?? 1);
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

/** Diagnostics as text: `file:line:col: 错误[CODE] message`, then the line and a caret. */
export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], texts: TextSource, styles: Styles): string {
  // Split each file once, not once per diagnostic: a large ledger can have thousands of warnings.
  const split = new Map<string, string[] | undefined>();
  const lines = (file: string) => {
    if (!split.has(file)) split.set(file, texts.get(file)?.split(/\r?\n|\r/));
    return split.get(file);
  };
  return diagnostics
    .map((d) => {
      const label = d.severity === 'error' ? styles.error(`${SEVERITY_LABELS.error}[${d.code}]`) : styles.warning(`${SEVERITY_LABELS.warning}[${d.code}]`);
      const head = `${styles.bold(location(d))}: ${label} ${safeLine(d.message)}`;
      return [head, ...excerpt(d, lines).map((l) => styles.dim(l))].join('\n') + '\n';
    })
    .join('');
}

/** 2 个错误、1 个警告 */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (!diagnostics.length) return '没有发现问题';
  return [errors ? `${errors} 个错误` : '', warnings ? `${warnings} 个警告` : ''].filter(Boolean).join('、');
}

/** The JSON form of a diagnostic, with stable keys. */
export function diagnosticAsJson(d: Diagnostic) {
  return { code: d.code, severity: d.severity, message: d.message, file: d.file, line: d.line ?? null, col: d.col ?? null };
}
