import { writeSync } from 'node:fs';
import { CommanderError } from 'commander';
import { error } from '../diagnostic.js';
import { PROGRAM, UserError } from '../errors.js';
import { makeStyles, PLAIN_STYLES } from '../render/styles.js';
import { renderDiagnosticsText } from '../render/diagnostics.js';
import { safeLine } from '../render/safe-text.js';
import { makeContext, showDiagnostics, wantsColor } from '../command-context.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { recordingIo } from './replay-run.js';
import { buildProgram, VIEW_ACTIONS } from './program.js';
import { quickViewArgs } from './quick-view-args.js';

/**
 * The commands without subcommands (all but `hook`): commander shows their help only when asked, so a run of one
 * needs neither the help layout nor the other commands declared. (Git runs some at every commit and push:
 * check-commits, merge-driver, validate --staged.)
 */
export const LEAF_COMMANDS = new Set(['import', 'validate', 'export', 'status', 'checklist', 'overdue', 'forms', 'remind', 'report', 'compare', 'review', 'collect', 'set', 'done', 'postpone', 'note', 'log', 'diff', 'sync', 'check-commits', 'merge-driver', 'schema', 'completion']);

/** The command a run names: the first word after the global options. */
function commandWord(argv: readonly string[]): string | undefined {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) i += argv[i] === '--ledger' ? 2 : 1;
  return argv[i];
}

/**
 * Whether commander may have help to show: not for a leaf command without -h/--help, so that the help
 * layout (cli/help.ts, its examples) is loaded only by runs that can print it, and only the command
 * that runs is declared.
 */
function mayShowHelp(argv: readonly string[]): boolean {
  if (argv.includes('-h') || argv.includes('--help')) return true;
  return !LEAF_COMMANDS.has(commandWord(argv) ?? '');
}

/** Runs gongkai with arguments (without node and script) and returns the exit code. The only place errors become exit codes. */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.Ok;
  const helpShown = mayShowHelp(argv);
  // An everyday view typed the plain way is read without commander (quick-view-args.ts), to the same options.
  const quick = quickViewArgs(argv);
  const declare = () => buildProgram(io, (code) => (exitCode = code), undefined, commandWord(argv));
  let program = quick ? undefined : buildProgram(io, (code) => (exitCode = code), helpShown ? await import('./help.js') : undefined, helpShown ? undefined : commandWord(argv));
  // The completion scripts' question, answered before commander parses: the words are half-typed on purpose.
  if (program && argv[0] === '__complete') {
    const { completeWords } = await import('./completion.js');
    const words = await completeWords(program, argv.slice(1), (ledger) => makeContext(io, { ledger }));
    io.stdout(words.map((w) => `${safeLine(w)}\n`).join(''));
    return ExitCode.Ok;
  }
  try {
    if (quick) exitCode = await VIEW_ACTIONS[quick.command](await makeContext(io, quick.global), quick.options);
    else await program!.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (cause) {
    const styles = await makeStyles(wantsColor(argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined, io.stderrIsTty, io.env));
    const problem = (code: 'USAGE' | 'INTERNAL', message: string) => showDiagnostics(io, styles, error(code, message, { file: PROGRAM }));
    if (cause instanceof CommanderError) {
      // Help and version exit 0; every usage mistake exits 2.
      if (cause.exitCode === 0) return ExitCode.Ok;
      // Help shown because a command was missing (gongkai hook) says enough by itself.
      if (cause.code !== 'commander.help') {
        const [{ usageMessage, readArguments }, { commandPath }] = await Promise.all([import('./usage-errors.js'), import('./help.js')]);
        // Commander's own errors come from its parse, which a quick run skips: declared only to word one anyway.
        program ??= declare();
        const where = ['gongkai', commandPath(readArguments(program, argv).command)].filter(Boolean).join(' ');
        problem('USAGE', `${usageMessage(cause.code, program, argv)}\n（用法见 ${where} --help）`);
      }
      return ExitCode.CannotRun;
    }
    if (cause instanceof UserError) {
      // The position-keeping parser is loaded only when there is something to point at.
      const located = cause.diagnostics.some((d) => d.path) ? await (await import('../read/locate-diagnostics.js')).locateDiagnostics(cause.diagnostics, cause.texts) : cause.diagnostics;
      showDiagnostics(io, styles, located, cause.texts);
      return cause.exitCode;
    }
    const stack = io.env.GONGKAI_DEBUG && cause instanceof Error ? `\n${cause.stack}` : '';
    problem('INTERNAL', `内部错误：${String(cause)}\n这是 gongkai 的缺陷，请把上面这行和所用命令报告给维护者。${stack}`);
    return ExitCode.Internal;
  }
}

/**
 * A write to stdout or stderr failed (a full disk, a terminal that hung up, a closed descriptor): said in one
 * line on stderr if it can still take one, and the run exits 2, whenever the failure came (node's stream reports
 * it after the run has ended). A reader that went away (`| head`) is not a failure.
 */
export function reportOutputFailure(cause: NodeJS.ErrnoException): void {
  process.exitCode = ExitCode.CannotRun;
  const reason = OUTPUT_FAILURES[cause.code ?? ''] ?? cause.code ?? String(cause);
  try {
    writeSync(2, renderDiagnosticsText([error('OUTPUT_FAILED', `输出没能写完（${reason}），显示的结果不完整`, { file: PROGRAM })], new Map(), PLAIN_STYLES));
  } catch {
    // stderr failed too: the exit code says it.
  }
}

/** The failures of a write the user can act on, in their words. */
const OUTPUT_FAILURES: Record<string, string> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '超出磁盘配额',
  EFBIG: '文件超过了允许的大小',
  EIO: '输入输出错误',
  EBADF: '输出已被关闭',
};

/** Entry point of the installed command. */
export async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // The process's folder is asked first: a folder deleted or moved away under a shell makes every name unresolvable.
  try {
    process.cwd();
  } catch {
    writeSync(2, renderDiagnosticsText([error('WORKING_FOLDER_GONE', '运行所在的目录已不存在（被删除或移走），请换到一个存在的目录再运行', { file: PROGRAM })], new Map(), PLAIN_STYLES));
    process.exit(ExitCode.CannotRun);
  }
  const { io, keep } = recordingIo(argv);
  io.onFailure(reportOutputFailure);
  const ran = await run(argv, io);
  const exitCode = io.failure() ? ExitCode.CannotRun : ran;
  // A view made from its files alone is kept to be written again while they stay as they are (cli/replay-run.ts).
  keep(exitCode);
  process.exitCode = exitCode;
  // Everything is written and nothing else runs (run awaits all it starts): the process ends now, without freeing its
  // heap piece by piece first (a few ms of every run). Output still queued in node's stream (a terminal, a full
  // pipe) is left to drain as node ends by itself.
  if (io.allWritten()) process.exit(exitCode);
}
