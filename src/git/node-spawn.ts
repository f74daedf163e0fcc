let loaded: typeof import('node:child_process') | undefined;

/**
 * node:child_process, loaded when git is first run. Loading it pulls in net, dgram and the streams (about 25
 * built-in modules, 1–2 ms), and the edit commands import git for `--commit` while an edit without it, or
 * outside a repository, never spawns anything. As in read/node-crypto.ts, through the module's own `require`.
 */
export function childProcess(): typeof import('node:child_process') {
  return (loaded ??= require('node:child_process') as typeof import('node:child_process'));
}
