import type { OpenContext } from './open-context.js';
import { cacheKeys, calendarFingerprint, contentKeyOf, itemFindingsIn, parseMemoIn } from '../cache/index.js';
import { checkLedger, type CheckScope } from '../check/index.js';
import { ExitCode } from '../exit-code.js';
import type { Diagnostic } from '../diagnostic.js';
import { UserError } from '../errors.js';
import type { Ledger } from '../model/ledger.js';
import type { Config } from '../read/find-ledger.js';
import { loadLedger } from '../read/load-ledger.js';
import { maxFileBytes } from '../read/read-regular-file.js';
import type { SourceTexts } from '../read/source-texts.js';
import { beijingToday } from '../model/dates.js';
import { cacheOf } from './cache-of.js';
import { locateLedger, type Located } from './locate-ledger.js';
import { ledgerHasErrorsNote } from './view-notes.js';

/** What a command asks of the ledger it opens. */
export interface LedgerRequest {
  /** Which checks to run: all of them (validate, edits), those views depend on, or none (history). */
  checks: CheckScope | 'none';
  /** Other bytes for a file than those on disk: a staged version, a git revision, an edit being checked. */
  override?: (file: string) => Buffer | undefined;
  /** A ledger file other than the one this run names (history reads the same path at revisions). */
  file?: string;
  /**
   * The ledger and settings this run's caller already located (locateLedger), so that gongkai.yaml is not looked
   * for, read and parsed a second time: a cold view and validate did it twice.
   */
  located?: Located;
}

export interface OpenedLedger {
  ledger?: Ledger;
  diagnostics: Diagnostic[];
  texts: SourceTexts;
  /** Identifies the content of the files read: results computed from them are cached under it. */
  contentKey: string;
  /** The ledger file's plain parsed value, when it parsed. */
  value?: unknown;
  config: Config;
  file: string;
}

const UNREADABLE = new Set(['FILE_NOT_FOUND', 'NOT_A_FILE', 'FILE_TOO_LARGE', 'NOT_TEXT', 'NOT_UTF8', 'REGISTRY_NOT_FOUND']);

/** True when the ledger could not be read at all (as opposed to read with findings). */
export function isUnreadable(opened: Pick<OpenedLedger, 'diagnostics'>): boolean {
  return opened.diagnostics.some((d) => UNREADABLE.has(d.code));
}

/**
 * The one way a command gets a ledger: finds it, reads, decodes and parses it
 * and its registry (reusing what an earlier run parsed), builds the model and
 * runs the checks asked for. Every problem comes back as a diagnostic.
 */
export async function openLedger(ctx: OpenContext, request: LedgerRequest): Promise<OpenedLedger> {
  const located = request.located ?? (await locateLedger(ctx));
  const file = request.file ?? located.file;
  const cache = cacheOf(ctx);
  const { cwd } = ctx.io;
  const today = beijingToday(ctx.io.now());
  const loaded = await loadLedger(file, { cwd, today, maxBytes: maxFileBytes(ctx.io.env), stdin: ctx.io.stdin, override: request.override, memo: cache ? parseMemoIn(cache, cwd) : undefined });
  const contentKey = contentKeyOf(loaded.sources, cwd);
  const opened: OpenedLedger = { ...loaded, contentKey, config: located.config, file };
  // Without its registry every name would be unknown: report the missing file alone.
  if (loaded.ledger && request.checks !== 'none' && !isUnreadable(opened)) {
    const key = cacheKeys.checks(contentKey, cache ? calendarFingerprint(file, cwd) : '', request.checks, today, `${ctx.io.cwd}|grace=${located.config.graceDays ?? ''}`);
    // The key names the bytes actually read, so bytes given instead of the file's (an edit being checked) are safe to keep too.
    const cached = cache?.get<Diagnostic[]>(key);
    let found = cached?.value;
    if (!found) {
      // Every check (validate, edits) after a hand edit: only the items that changed are checked again one by one.
      const { registry, plan } = loaded.ledger;
      const perItem = cache && request.checks === 'all' ? itemFindingsIn(cache, file, { registry: { departments: registry.departments, groups: registry.groups }, plan, today, file: loaded.ledger.file }, cwd) : undefined;
      found = await checkLedger({ ledger: loaded.ledger, today, graceDays: located.config.graceDays }, request.checks, perItem?.memo);
      perItem?.save();
      cache?.set(key, found);
    }
    opened.diagnostics.push(...found);
  }
  return opened;
}

/**
 * A ledger a view can use: refuses one that could not be parsed, and notes
 * (one finding) errors that may make the view wrong.
 */
export async function openLedgerForView(ctx: OpenContext, notes: Diagnostic[], located?: Located): Promise<{ ledger: Ledger; opened: OpenedLedger }> {
  const opened = await openLedger(ctx, { checks: 'view', ...(located ? { located } : {}) });
  if (!opened.ledger || isUnreadable(opened)) {
    const errors = opened.diagnostics.filter((d) => d.severity === 'error');
    throw new UserError('LEDGER_HAS_ERRORS', '无法读取台账', ExitCode.CannotRun, errors, opened.texts);
  }
  const errors = opened.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) notes.push(ledgerHasErrorsNote(errors, opened.file));
  return { ledger: opened.ledger, opened };
}
