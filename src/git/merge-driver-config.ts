import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git.js';

/** The name of gongkai's merge driver in git's config and in .gitattributes. */
export const DRIVER = 'gongkai';

/**
 * `/data/ledger.yaml`: anchored at the top, glob characters escaped; a path
 * with spaces is written in double quotes (git reads .gitattributes patterns
 * C-quoted). Undefined when git's attribute syntax cannot say it (a newline,
 * a tab, a quote or backslash).
 */
export function attributePattern(path: string): string | undefined {
  if (/[\t\r\n"\\]/.test(path) || path.startsWith('#') || path.startsWith('!')) return undefined;
  if (/ /.test(path) && /[*?[\]]/.test(path)) return undefined;
  const pattern = '/' + path.replace(/[*?[\]]/g, (c) => `\\${c}`);
  return / /.test(path) ? `"${pattern}"` : pattern;
}

/**
 * Points git at gongkai's merge driver for these paths: the command in the
 * repository's config (it is local to each clone), the paths in the tracked
 * .gitattributes (shared, once committed). Returns the lines added to .gitattributes.
 */
export function configureMergeDriver(top: string, paths: string[], command: string): string[] {
  git(top, ['config', '--local', `merge.${DRIVER}.name`, 'gongkai：按含义合并台账']);
  git(top, ['config', '--local', `merge.${DRIVER}.driver`, `${command} merge-driver %O %A %B %P %L`]);
  const file = join(top, '.gitattributes');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lines = existing.split(/\r?\n/);
  const added: string[] = [];
  for (const path of paths) {
    const pattern = attributePattern(path)!;
    const line = `${pattern} merge=${DRIVER}`;
    if (!lines.some((l) => l.trim().startsWith(`${pattern} `) && l.includes(`merge=${DRIVER}`))) added.push(line);
  }
  if (added.length) writeFileSync(file, existing + (existing && !existing.endsWith('\n') ? '\n' : '') + added.join('\n') + '\n');
  return added;
}
