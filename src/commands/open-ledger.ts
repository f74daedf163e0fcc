import type { SourceTexts } from '../read/source-texts.js';
import { checkLedger } from '../check/index.js';
import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../exit-code.js';
import type { Diagnostic } from '../diagnostic.js';
import { UserError } from '../errors.js';
import type { Ledger } from '../model/ledger.js';
import { chooseLedger, type Config } from '../read/find-ledger.js';
import { cacheFor, readConfig } from './config.js';
import { loadLedger } from '../read/load-ledger.js';
import { beijingToday } from '../model/dates.js';
import { calendarOverridesKey } from '../read/calendar-key.js';

export interface OpenedLedger {
  ledger?: Ledger;
  diagnostics: Diagnostic[];
  texts: SourceTexts;
  /** Identifies the content of the files read (see loadLedger). */
  contentKey: string;
  config: Config;
  file: string;
}

const NO_LEDGER =
  '没有指定台账：用 --ledger 文件 指定，或设置环境变量 GONGKAI_LEDGER，或在当前目录（或上级目录）放一个 gongkai.yaml，内容如「ledger: data/ledger.yaml」。' +
  '\n新建台账：gongkai import 通知.txt -o ledger.yaml';

/** Finds, loads and checks the ledger; every problem comes back as a diagnostic. `override` supplies other bytes (a staged version). */
export async function openLedger(ctx: CommandContext, override?: (file: string) => Buffer | undefined): Promise<OpenedLedger> {
  const config = await readConfig(ctx);
  const file = chooseLedger(ctx.global.ledger, ctx.io.env, config);
  if (!file) throw new UserError(NO_LEDGER);
  const cache = cacheFor(ctx);
  const loaded = await loadLedger(file, { stdin: ctx.io.stdin, override, cache });
  const diagnostics = loaded.diagnostics;
  const opened = { ...loaded, diagnostics, config, file };
  // Without its registry every name would be unknown: report the missing file alone.
  if (loaded.ledger && !isUnreadable(opened)) {
    const today = beijingToday(ctx.io.now());
    // Findings depend on the files' content and on today (a done date in the future);
    // they name files as seen from the working folder.
    // A relative deadline also depends on the calendar overrides beside the ledger.
    const calendar = loaded.ledger.items.some((i) => i.dueRule) ? calendarOverridesKey(file) : '';
    const key = `checks:${loaded.contentKey}:${today}:${process.cwd()}:${calendar}`;
    const cached = cache?.get<Diagnostic[]>(key);
    const found = cached?.value ?? checkLedger({ ledger: loaded.ledger, today });
    if (!cached) cache?.set(key, found);
    diagnostics.push(...found);
  }
  return opened;
}

const UNREADABLE = new Set(['FILE_NOT_FOUND', 'NOT_A_FILE', 'NOT_TEXT', 'NOT_UTF8', 'REGISTRY_NOT_FOUND']);

/** True when the ledger could not be read at all (as opposed to read with findings). */
export function isUnreadable(opened: OpenedLedger): boolean {
  return opened.diagnostics.some((d) => UNREADABLE.has(d.code));
}

/**
 * A ledger a view can use: refuses one that could not be parsed, and warns
 * (on stderr, one line) when it has errors that may make the view wrong.
 */
export async function openLedgerForView(ctx: CommandContext, notes: string[]): Promise<{ ledger: Ledger; opened: OpenedLedger }> {
  const opened = await openLedger(ctx);
  if (!opened.ledger || isUnreadable(opened)) {
    const errors = opened.diagnostics.filter((d) => d.severity === 'error');
    throw new UserError('无法读取台账', ExitCode.CannotRun, errors, opened.texts);
  }
  const errors = opened.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) notes.push(`注意：台账有 ${errors} 个错误，以下结果可能不准确；运行 gongkai validate 查看。`);
  return { ledger: opened.ledger, opened };
}

