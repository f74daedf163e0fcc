/** Stable keys for an item's status (JSON output, English input). */
export type Status = 'not_started' | 'in_progress' | 'done' | 'ongoing' | 'cancelled';

/** The users' words, as written in the ledger file. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  not_started: '未启动',
  in_progress: '推进中',
  done: '已完成',
  ongoing: '持续推进',
  cancelled: '已取消',
};

export const STATUSES = Object.keys(STATUS_LABELS) as Status[];

/** Every spelling accepted for a status: the Chinese word or the English key. */
export const STATUS_SPELLINGS: readonly string[] = [...Object.values(STATUS_LABELS), ...STATUSES];

const byLabel = new Map<string, Status>(STATUSES.flatMap((s) => [[STATUS_LABELS[s], s], [s, s]] as [string, Status][]));

/** Reads a status from the ledger or the command line; undefined when unknown. */
export function parseStatus(text: string): Status | undefined {
  return byLabel.get(text.trim());
}
