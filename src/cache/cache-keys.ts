import { BUILD_IDENTITY } from './build-identity.js';

/**
 * The per-item index's stored shape (its rows and running counts), raised when
 * that shape changes: a build run from source keeps one build identity, and
 * must not read rows of another shape. 2: a share's own latest note date.
 */
const INDEX_FORMAT = 'index-2';

/**
 * Every cache key gongkai uses, built here and nowhere else. Each starts with
 * the build identity, so results of another gongkai version (or holiday data)
 * are never read; content enters keys only as fingerprints of the files' bytes.
 */
export const cacheKeys = {
  /** gongkai.yaml's parsed value, by its text (JSON-quoted: a key is one line of its entry). */
  config: (text: string) => `${BUILD_IDENTITY}|config|${JSON.stringify(text)}`,
  /** A YAML file's parsed chunks: one entry per file path, replaced when the file changes. */
  parsedFile: (absolutePath: string) => `${BUILD_IDENTITY}|parsed|${absolutePath}`,
  /** The items of a file changed since its stored parse: one entry per path. */
  parsedDelta: (absolutePath: string) => `${BUILD_IDENTITY}|parsed-delta|${absolutePath}`,
  /** Findings of the per-item checks of a ledger file: one entry per path. */
  itemFindings: (absolutePath: string) => `${BUILD_IDENTITY}|item-findings|${absolutePath}`,
  /** The derived per-item index of a ledger file (src/index/): one entry per path. */
  itemIndex: (absolutePath: string) => `${BUILD_IDENTITY}|item-index|${INDEX_FORMAT}|${absolutePath}`,
  /** That index's rows, stored apart so that a run reads only those it needs: one entry per path. */
  itemIndexRows: (absolutePath: string) => `${BUILD_IDENTITY}|item-index-rows|${INDEX_FORMAT}|${absolutePath}`,
  /** Rows added to that index since it was written (items edited since): one entry per path. */
  itemIndexDelta: (absolutePath: string) => `${BUILD_IDENTITY}|item-index-delta|${INDEX_FORMAT}|${absolutePath}`,
  /** Where that index last saw the file's items and their runs' hashes (src/index/layout-hint.ts): one entry per path. */
  itemIndexLayout: (absolutePath: string) => `${BUILD_IDENTITY}|item-index-layout|${INDEX_FORMAT}|${absolutePath}`,
  /** What an edit needs of a ledger file besides the item it edits, for one text of it (src/index/edit-base.ts): one entry per path. */
  editBase: (absolutePath: string) => `${BUILD_IDENTITY}|edit-base|${absolutePath}`,
  /** validate's findings of each item of a ledger file, by the item's text, with the setting they hold for (src/open/chunked-validation.ts): one entry per path. */
  itemValidation: (absolutePath: string) => `${BUILD_IDENTITY}|item-validation-2|${absolutePath}`,
  /** The last parsed skeleton (the file without its items) of that ledger file: one entry per path. */
  itemValidationSkeleton: (absolutePath: string) => `${BUILD_IDENTITY}|item-validation-skeleton|${absolutePath}`,
  /** Items of that entry checked since it was written (items edited since): one entry per path. */
  itemValidationDelta: (absolutePath: string) => `${BUILD_IDENTITY}|item-validation-delta|${absolutePath}`,
  /** Where findings sit inside the items of a ledger file: one entry per path. */
  located: (absolutePath: string) => `${BUILD_IDENTITY}|located|${absolutePath}`,
  /** A ledger's and its registry's content hashes with their identity on disk, while neither changes (fingerprints.ts): one entry per path. */
  settledFiles: (absolutePath: string) => `${BUILD_IDENTITY}|settled-files|${absolutePath}`,
  /** Which registry file a ledger text names. */
  registryOf: (ledgerFingerprint: string) => `${BUILD_IDENTITY}|registry-of|${ledgerFingerprint}`,
  /**
   * Check findings; they name files as seen from the working folder, depend on today (a done date in the
   * future) and on the calendar overrides (relative deadlines count working days).
   */
  checks: (contentKey: string, calendar: string, scope: string, today: string, cwd: string) =>
    `${BUILD_IDENTITY}|checks|${scope}|${contentKey}|calendar:${calendar}|${today}|${cwd}`,
  /**
   * validate's located findings for a ledger as the command line named it from a working folder (`file`: they name it
   * so, and `--ledger /abs/ledger.yaml` and `--ledger ledger.yaml` are kept apart): one entry, holding what they were
   * found for (validationFor). After each hand edit of a 100,000-item ledger a new entry of 7 MB was written under
   * the new text's key, and the ones for texts gone filled the cache until it dropped the per-item base.
   */
  validation: (cwd: string, file: string) => `${BUILD_IDENTITY}|validate-2|${cwd}|${JSON.stringify(file)}`,
  /** What the findings kept under `validation` hold for: the files' content, the calendar overrides and today. */
  validationFor: (contentKey: string, calendar: string, today: string) => `${contentKey}|calendar:${calendar}|${today}`,
  /**
   * V8's compiled code for one pack of the bundle (scripts/build.mjs names each pack by the hash of its
   * source), for this node: V8 refuses code made by another version, and would trust another source of the same length.
   */
  code: (pack: string, runtime: string) => `${BUILD_IDENTITY}|code|${pack}|${runtime}`,
  /** A listing view's shares of each item of a ledger file (src/index/view-shares.ts), for one view and its options. */
  viewShares: (absolutePath: string, view: string, settings: unknown) => `${BUILD_IDENTITY}|view-shares|${view}|${JSON.stringify(settings)}|${absolutePath}`,
  /** Shares of that view made since those were kept (items edited since). */
  viewSharesDelta: (absolutePath: string, view: string, settings: unknown) => `${BUILD_IDENTITY}|view-shares-delta|${view}|${JSON.stringify(settings)}|${absolutePath}`,
  /**
   * A listing view's terminal table as last drawn, row by row (src/index/drawn-rows.ts), for one view, its options and the form it was
   * shown in. It names the `view` entry holding that text; when a newer drawing replaces it, that older text is removed (it is of an older ledger).
   */
  viewDrawn: (absolutePath: string, view: string, settings: unknown, form: string) =>
    `${BUILD_IDENTITY}|view-drawn|${view}|${JSON.stringify(settings)}|${JSON.stringify(form)}|${absolutePath}`,
  /** A whole run as it was written (replay.ts), by its arguments, folder, environment, terminal and day (JSON). */
  replay: (run: string) => `${BUILD_IDENTITY}|replay|${run}`,
  /**
   * The key of the text last kept of a view in one form for a ledger (remembered-view.ts): kept anew, the text before
   * it is removed, being of the ledger as it was (at 100,000 items overdue's is 41 MB).
   */
  shownLast: (view: string, settings: unknown, file: string, form: string) => `${BUILD_IDENTITY}|shown-last|${view}|${JSON.stringify(settings)}|${JSON.stringify(file)}|${form}`,
  /** A view's report and the notes printed with it (which name the ledger as the command line did: `file`). */
  view: (view: string, contentKey: string, calendar: string, settings: unknown, today: string, file: string) =>
    `${BUILD_IDENTITY}|view|${view}|${contentKey}|calendar:${calendar}|${JSON.stringify(settings)}|${today}|${JSON.stringify(file)}`,
};
