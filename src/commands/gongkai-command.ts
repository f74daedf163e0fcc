import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** A word for sh, single-quoted. */
export function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** This gongkai, as a command line for sh (hooks and git's merge driver run through sh): this node, this script. */
export function gongkaiCommand(): string {
  return `${shellWord(process.execPath)} ${shellWord(join(packageRoot(), 'bin', 'gongkai.js'))}`;
}
