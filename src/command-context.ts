import type { Io } from './io.js';
import { makeStyles, type Styles } from './render/styles.js';

/** Options every command accepts. */
export interface GlobalOptions {
  ledger?: string;
  color?: boolean;
}

/** What a command receives: the Io, resolved global options and output styles. */
export interface CommandContext {
  io: Io;
  global: GlobalOptions;
  /** Styles for stdout and stderr, coloured only on a terminal and never with NO_COLOR. */
  out: Styles;
  err: Styles;
}

/**
 * Colour on when asked with --color; off with --no-color. Then FORCE_COLOR as
 * Node and chalk read it (0 or false: off; 1–3, true or empty: on), then
 * NO_COLOR (off); else only on a terminal.
 */
export function wantsColor(flag: boolean | undefined, isTty: boolean, env: Io['env']): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR) return false;
  return isTty;
}

export async function makeContext(io: Io, global: GlobalOptions): Promise<CommandContext> {
  return {
    io,
    global,
    out: await makeStyles(wantsColor(global.color, io.stdoutIsTty, io.env)),
    err: await makeStyles(wantsColor(global.color, io.stderrIsTty, io.env)),
  };
}

