import type { Diagnostic, TextSource } from './diagnostic.js';
import type { Io } from './io.js';
import type { OpenContext } from './open/open-context.js';
import { renderDiagnosticsText } from './render/diagnostics.js';
import { makeStyles, type Styles } from './render/styles.js';

/** Options every command accepts. */
export interface GlobalOptions {
  ledger?: string;
  color?: boolean;
}

/** What a command receives: the core's context (Io, the ledger named, warnings shown on stderr), resolved global options and output styles. */
export interface CommandContext extends OpenContext {
  global: GlobalOptions;
  /** Styles for stdout and stderr, coloured only on a terminal and never with NO_COLOR. */
  out: Styles;
  err: Styles;
  /** Shows diagnostics on stderr (errors, warnings, and 提示 for what a command tells without a problem): the one way a command writes there. */
  tell(diagnostics: Diagnostic | readonly Diagnostic[], texts?: TextSource): void;
}

/** The one rendering path to stderr: every line gongkai writes there is a diagnostic (cli/main.ts and ctx.tell use it). */
export function showDiagnostics(io: Io, styles: Styles, diagnostics: Diagnostic | readonly Diagnostic[], texts: TextSource = new Map()): void {
  io.stderr(renderDiagnosticsText(Array.isArray(diagnostics) ? diagnostics : [diagnostics as Diagnostic], texts, styles));
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
  const err = await makeStyles(wantsColor(global.color, io.stderrIsTty, io.env));
  const tell: CommandContext['tell'] = (diagnostics, texts) => showDiagnostics(io, err, diagnostics, texts);
  return {
    io,
    global,
    ledger: global.ledger,
    // Findings the core lets pass are shown like every other diagnostic: file, code, message.
    warn: (finding) => tell(finding),
    tell,
    out: await makeStyles(wantsColor(global.color, io.stdoutIsTty, io.env)),
    err,
  };
}

