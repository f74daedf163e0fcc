/** A field both sides of a merge changed differently: where the merge left its conflict markers (merge/merge-ledger.ts), as render/ shows it. */
export interface MergeConflict {
  /** Item number; undefined for text outside the items (plan, section headings). */
  item?: string;
  /** Field name (`status`, `done_on` …); `*` for a whole item, `` for text outside items. */
  field: string;
  ours: string;
  theirs: string;
  /** 1-based line of the conflict's `<<<<<<<` marker in the merged text. */
  line: number;
}
