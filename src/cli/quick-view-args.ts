import type { GlobalOptions } from '../command-context.js';

/** The everyday views a run may name without commander (cli/main.ts). */
export type QuickView = 'status' | 'overdue' | 'checklist' | 'validate';

/** Options that take a value, by flag: the option's key in commander's result. */
const VALUE_KEYS: Readonly<Record<string, string>> = {
  '--dept': 'dept',
  '--as-of': 'asOf',
  '--within': 'within',
  '--stale-days': 'staleDays',
};

/**
 * The defaults commander gives to a view's options not typed, as program.ts declares them (`.default(…)`): written
 * once, here, for both readings of a command line.
 */
export const VIEW_DEFAULTS = {
  status: { format: 'table' },
  overdue: { format: 'table' },
  checklist: {},
  validate: { format: 'text' },
} as const satisfies Record<QuickView, Readonly<Record<string, string>>>;

/**
 * For each view: the value options read here (a subset of those program.ts declares for it; --since, --format,
 * -o and the flags go to commander) and its defaults, first in the result as in commander's.
 */
const VIEWS: Readonly<Record<QuickView, { options: readonly string[]; defaults: Readonly<Record<string, string>> }>> = {
  status: { options: ['--dept', '--as-of', '--within', '--stale-days'], defaults: VIEW_DEFAULTS.status },
  overdue: { options: ['--dept', '--as-of', '--within', '--stale-days'], defaults: VIEW_DEFAULTS.overdue },
  checklist: { options: ['--dept', '--as-of', '--within', '--stale-days'], defaults: VIEW_DEFAULTS.checklist },
  validate: { options: [], defaults: VIEW_DEFAULTS.validate },
};

const isView = (word: string): word is QuickView => Object.hasOwn(VIEWS, word);

/**
 * The command, global options and command options commander gives an everyday view typed the plain way:
 * `[--ledger F] VIEW [--dept D] [--as-of A] [--within N] [--stale-days N] [--ledger F]`, each option at most once,
 * written apart from its value, and every value non-blank and not starting with a dash. Undefined for any other
 * command line (help, a flag, `--opt=value`, a repeated option, a stray word, a blank value…), which commander reads:
 * building commander's program and parsing with it was about a millisecond of each cold view (1 ms is 4 % of
 * `node -e 0`). tests/cli/quick-view-args.test.ts compares the result with commander's on random command lines.
 */
export function quickViewArgs(argv: readonly string[]): { command: QuickView; global: GlobalOptions; options: Record<string, string> } | undefined {
  let command: QuickView | undefined;
  let ledger: string | undefined;
  const given: [key: string, value: string][] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('-')) {
      if (command !== undefined || !isView(word)) return undefined;
      command = word;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('-') || !value.trim()) return undefined;
    i++;
    if (word === '--ledger') {
      if (ledger !== undefined) return undefined;
      ledger = value;
      continue;
    }
    // A view's option only after the view's name, as commander reads it.
    if (command === undefined || !VIEWS[command].options.includes(word)) return undefined;
    const key = VALUE_KEYS[word]!;
    if (given.some(([k]) => k === key)) return undefined;
    given.push([key, value]);
  }
  if (command === undefined) return undefined;
  const options: Record<string, string> = { ...VIEWS[command].defaults };
  for (const [key, value] of given) options[key] = value;
  return { command, global: ledger === undefined ? {} : { ledger }, options };
}
