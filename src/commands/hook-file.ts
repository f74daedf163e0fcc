import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UserError } from '../errors.js';

/** A hook gongkai writes: its name in git's hooks folder, the mark that says it is gongkai's, and the shell lines it runs. */
export interface HookScript {
  name: 'pre-commit' | 'pre-receive';
  /** What the hook does, after the mark on its second line. */
  purpose: string;
  lines: readonly string[];
}

/** The mark on the second line of a hook gongkai wrote: a hook with it may be replaced without --force. */
const markerOf = (name: HookScript['name']) => `# gongkai ${name} hook`;

/** The hook's file in the hooks folder of the repository at `gitFolder` (a working tree or a bare repository), as git itself names it: what `git rev-parse --git-path hooks` answered there, asked along with the caller's other questions. */
export function hookIn(gitFolder: string, hooks: string, name: HookScript['name']): string {
  return join(isAbsolute(hooks) ? hooks : join(gitFolder, hooks), name);
}

/** Refuses, before anything is installed, to replace a hook someone else wrote, unless --force. */
export function refuseForeignHook(file: string, name: HookScript['name'], force: boolean | undefined): void {
  if (existsSync(file) && !readFileSync(file, 'utf8').includes(markerOf(name)) && !force) {
    throw new UserError('OUTPUT_EXISTS', `${file} 已存在且不是 gongkai 安装的；要替换请加 --force（原钩子会被覆盖）`);
  }
}

/** Writes the hook: sh, gongkai's mark, the lines; executable. */
export function writeHook(file: string, script: HookScript): void {
  const text = ['#!/bin/sh', `${markerOf(script.name)}: ${script.purpose}`, ...script.lines, ''].join('\n');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, 0o755);
}
