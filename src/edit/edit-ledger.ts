import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileRefused, readRegularFileSeen } from '../read/read-regular-file.js';
import { isDeepStrictEqual } from 'node:util';
import { ExitCode } from '../exit-code.js';
import type { Diagnostic } from '../diagnostic.js';
import { UserError } from '../errors.js';
import { STATUS_LABELS } from '../model/status.js';
import type { Item, Ledger } from '../model/ledger.js';
import type { TextSource } from '../read/source-texts.js';
import { acquireLock } from './file-lock.js';
import type { LedgerEdit } from '../model/ledger-edit.js';
import { applyEditToValue } from './ledger-edit.js';
import { applyEditToText } from './ledger-text-edit.js';
import { assertWritable, fileHolds, writeFileAtomicMeanwhile } from './write-file-atomic.js';
import { editOneItem, type OpenedItem } from './edit-one-item.js';

export interface EditResult {
  file: string;
  /** The ledger before and after: of the edited item alone when the edit read only that item (edit-one-item.ts). */
  before: Ledger;
  after: Ledger;
  itemBefore: Item;
  itemAfter: Item;
  /** The edit made, as understood against the ledger. */
  edit: LedgerEdit;
}

/** A ledger read from given bytes, with every finding of every check. */
export interface CheckedLedger {
  ledger?: Ledger;
  diagnostics: Diagnostic[];
  texts: TextSource;
  value?: unknown;
}

/** Several edits made as one write (a returned form). */
export interface EditsResult {
  file: string;
  before: Ledger;
  after: Ledger;
  /** The edits made, as understood against the ledger. */
  edits: LedgerEdit[];
}

export interface EditOptions<R = EditResult, O extends CheckedLedger = CheckedLedger> {
  /** The run's folder (Io's cwd): a relative ledger name starts there, never at the process's folder. */
  cwd: string;
  /** Reads the ledger from these bytes and checks it (the one way in, given by the command). */
  open: (bytes: Buffer) => Promise<O>;
  /** Called after the new text is ready and before it is written (tests change the file here). */
  beforeWrite?: () => void;
  /** Called after the new file is synced, before the last comparison (tests change the file here). */
  duringWrite?: () => void;
  /** Called under the lock with the bytes the edit starts from; throws to refuse before anything is written (--commit checks HEAD here). */
  checkBase?: (bytes: Buffer) => void;
  /** Called under the lock right after the write (--commit commits here, so no other edit can slip in between). */
  afterWrite?: (result: R) => void;
  /** Finds the edited item in the bytes without reading the rest of the ledger; undefined when it cannot (then the whole ledger is read). */
  openItem?: (bytes: Buffer) => Promise<OpenedItem | undefined>;
  /**
   * Called under the lock after an edit worked out on the whole ledger is written, with what `open` read of the
   * new bytes: the command keeps it, so that the next edit can read one item.
   */
  wholeWritten?: (read: O) => Promise<void>;
}

/** An edit worked out, checked and ready to write. */
interface Prepared {
  /** The file's new content, whole or in pieces. */
  content: Buffer | readonly Buffer[];
  /** The edit changes no byte (the value was already set). */
  unchanged: boolean;
  before: Ledger;
  after: Ledger;
  edits: LedgerEdit[];
  /** Called once the new bytes are written, before afterWrite. */
  written?: () => Promise<void>;
  /**
   * Work on the new content that reads nothing from the file (what the cache keeps of it), done while the new
   * bytes are synced to disk; kept under the new content's own hash, it is never used for any other bytes,
   * so it does no harm when the write then does not happen.
   */
  whileSyncing?: () => Promise<void>;
}

const BOM = '\uFEFF';
/** Times an edit is made again on new content before giving up. */
const ATTEMPTS = 5;
/** Warnings an edit may not introduce: resolving a group the item does not name is a slip, not a choice. */
const REFUSED_WARNINGS = new Set(['RESOLUTION_UNUSED']);
const errorKey = (d: Diagnostic) => `${d.code} ${d.message}`;
/** A finding an edit may not bring into the ledger. */
const isRefused = (d: Diagnostic) => d.severity === 'error' || REFUSED_WARNINGS.has(d.code);

async function loadChecked<O extends CheckedLedger>(bytes: Buffer, options: Pick<EditOptions<unknown, O>, 'open'>) {
  const loaded = await options.open(bytes);
  return { ...loaded, errors: loaded.diagnostics.filter(isRefused) };
}

/**
 * Edits one item of a ledger file: under a lock, changes only the bytes it
 * must, proves the result reads as exactly the intended change, refuses an
 * edit that brings new errors, and writes atomically. If the file changes on
 * disk meanwhile, the edit is made again on the new content.
 */
export async function editLedgerFile<O extends CheckedLedger>(file: string, makeEdit: LedgerEdit | ((ledger: Ledger) => LedgerEdit), options: EditOptions<EditResult, O>): Promise<EditResult> {
  const single = (result: EditsResult): EditResult => {
    const edit = result.edits[0]!;
    const itemBefore = result.before.items.find((i) => i.number === edit.item)!;
    return { file, before: result.before, after: result.after, itemBefore, itemAfter: result.after.items.find((i) => i.number === edit.item)!, edit };
  };
  const { afterWrite, openItem, ...rest } = options;
  const make = (ledger: Ledger) => (typeof makeEdit === 'function' ? makeEdit(ledger) : makeEdit);
  // The item alone when the cache can vouch for the rest of the file; else (and whenever it steps aside) the whole ledger.
  const throughItem = async (bytes: Buffer): Promise<Prepared | undefined> => {
    const item = await openItem?.(bytes);
    const made = item && (await editOneItem(bytes, item, make, isRefused));
    if (!item || !made) return undefined;
    return {
      content: made.newContent,
      unchanged: made.text === item.text,
      before: item.before.ledger,
      after: made.after.ledger,
      edits: [made.edit],
      whileSyncing: () => item.remember(made.newContent, made.text, made.after),
    };
  };
  const result = await editWith(file, (ledger) => [make(ledger)], {
    ...rest,
    ...(afterWrite ? { afterWrite: (written: EditsResult) => afterWrite(single(written)) } : {}),
  }, openItem ? throughItem : undefined);
  return single(result);
}

/**
 * Makes several edits (a returned form) as one write, all or nothing, with the
 * same guarantees as one edit. The edits are worked out from the ledger as read
 * under the lock, so a change made meanwhile is seen, never overwritten.
 */
export function editLedgerFileWith(file: string, makeEdits: (ledger: Ledger) => LedgerEdit[], options: EditOptions<EditsResult>): Promise<EditsResult> {
  return editWith(file, makeEdits, options);
}

/** The edit under the lock, worked out by `throughItem` when it can, else from the whole ledger. */
async function editWith<O extends CheckedLedger>(file: string, makeEdits: (ledger: Ledger) => LedgerEdit[], options: EditOptions<EditsResult, O>, throughItem?: (bytes: Buffer) => Promise<Prepared | undefined>): Promise<EditsResult> {
  // Through a symlink to the file itself: the rename must replace the ledger, not the link.
  const target = realpathSync(resolve(options.cwd, file));
  // Before the lock: a FIFO, a device, a read-only ledger or folder is refused at once, with nothing created beside it.
  if (!statSync(target).isFile()) throw new UserError('NOT_A_FILE', `${file} 不是普通文件，无法编辑`);
  assertWritable(target);
  const read = () => {
    try {
      return readRegularFileSeen(target);
    } catch (cause) {
      if (cause instanceof FileRefused) throw new UserError(cause.code, `${file}: ${cause.message}`);
      throw cause;
    }
  };
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const unlock = acquireLock(target);
    const outcome = await (async () => {
      const { bytes, seen } = read();
      options.checkBase?.(bytes);
      const prepared = (await throughItem?.(bytes)) ?? (await throughLedger(bytes, makeEdits, options));
      options.beforeWrite?.();
      if (prepared.unchanged) {
        // Nothing to change (the value was already set): leave the file, its inode and mtime alone, if it is still what was read.
        if (!fileHolds(target, bytes)) return 'changed' as const;
      } else if (!(await writeFileAtomicMeanwhile(target, prepared.content, { unchangedSince: bytes, seen, afterSync: options.duringWrite }, prepared.whileSyncing ?? (async () => {})))) {
        // Compared with what was read right before the rename, after the slow fsync (not also before writing: a
        // comparison of the whole file each, 6 MB at 10,000 items): a change made meanwhile is not lost.
        return 'changed' as const;
      }
      const result = { file, before: prepared.before, after: prepared.after, edits: prepared.edits };
      if (!prepared.unchanged) {
        await prepared.written?.();
        options.afterWrite?.(result);
      }
      return result;
    })().finally(unlock);
    if (outcome !== 'changed') return outcome;
  }
  throw new UserError(
    'WRITE_RACE', `台账在 gongkai 修改它的同时被别的程序接连改动（试了 ${ATTEMPTS} 次，每次写入前文件都已变了）；为了不覆盖别人的修改，这次没有写入。请等其他程序停止写入后再试`,
    ExitCode.CannotRun,
  );
}

/**
 * The edit worked out on the whole ledger: read and checked before and after,
 * refused if the new text does not read as exactly the intended change or
 * brings a finding the ledger did not have.
 */
async function throughLedger<O extends CheckedLedger>(bytes: Buffer, makeEdits: (ledger: Ledger) => LedgerEdit[], options: EditOptions<EditsResult, O>): Promise<Prepared> {
  const raw = bytes.toString('utf8');
  const bom = raw.startsWith(BOM) ? BOM : '';
  let text = raw.slice(bom.length);
  const before = await loadChecked(bytes, options);
  if (!before.ledger) throw new UserError('LEDGER_HAS_ERRORS', '台账有错误，无法编辑；先运行 gongkai validate', ExitCode.CannotRun, before.errors, before.texts);
  // What was typed may need the ledger to be understood: a department's short name, a date without its year.
  const edits = makeEdits(before.ledger);
  let expected = before.value;
  for (const edit of edits) {
    const same = before.ledger.items.filter((i) => i.number === edit.item);
    if (same.length > 1) {
      throw new UserError('EDIT_REFUSED', `台账中有 ${same.length} 项编号为「${edit.item}」，不知道改哪一项，未写入；请先改正重复的编号（gongkai validate 会指出位置）`, ExitCode.CannotRun);
    }
    const edited = applyEditToText(text, edit, edit.status ? STATUS_LABELS[edit.status] : undefined);
    if (!before.ledger.items.some((i) => i.number === edit.item) || 'missing' in edited) throw new UserError('ITEM_NOT_FOUND', `台账中没有第 ${edit.item} 项`);
    text = edited.text;
    expected = applyEditToValue(expected, edit, (s) => STATUS_LABELS[s]);
  }
  const newBytes = Buffer.from(bom + text, 'utf8');
  const after = await loadChecked(newBytes, options);
  // The file must now read as exactly the old value with the intended changes, nothing else.
  if (after.value === undefined || !isDeepStrictEqual(after.value, expected)) {
    throw new UserError('EDIT_REFUSED', '这项修改无法只改动相应的几行（台账的写法超出了 gongkai 能精确编辑的范围），未写入；请手工编辑', ExitCode.CannotRun);
  }
  const known = new Set(before.errors.map(errorKey));
  const introduced = after.errors.filter((d) => !known.has(errorKey(d)));
  if (introduced.length || !after.ledger) {
    throw new UserError('EDIT_REFUSED', '这项修改会使台账出错，未写入：', ExitCode.CannotRun, introduced, after.texts);
  }
  return { content: newBytes, unchanged: newBytes.equals(bytes), before: before.ledger, after: after.ledger, edits, written: options.wholeWritten && (() => options.wholeWritten!(after)) };
}
