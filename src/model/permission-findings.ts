/** What the shared repository's policy refuses (permissions/), as render/ shows it. */

/** One change in a commit beyond what its author's department may change. */
export interface Violation {
  commit: string;
  authorName: string;
  authorEmail: string;
  /** The author's department; undefined when the registry does not know the author. */
  department?: string;
  /** The file in the repository the change is in (a ledger, or another file only the coordinator may change). */
  path?: string;
  item?: string;
  /** An item's field, `*` (a whole item), a part of the ledger outside items, or `file` (a file that is not a ledger, as a whole). */
  field: string;
  reason: 'unknown_author' | 'not_own_item' | 'coordinator_only' | 'own_entries_only' | 'unreadable_ledger' | 'unsigned' | 'signer_not_author';
  /** Whom the key that signed the commit belongs to, when it is not the author's department. */
  signer?: string;
}

/** A branch update refused as a whole. */
export interface RefRefusal {
  ref: string;
  reason: 'deleted' | 'rewritten';
  /** The commit the ref would point at (for a rewrite). */
  commit?: string;
}
