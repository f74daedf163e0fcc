/**
 * True when a file in the repository is a ledger by its name and text: YAML
 * with the ledger's top-level `plan:` or `sections:`. The push policy judges
 * such files by the departments' roles; any other file — and a ledger it
 * cannot tell, written some other way — only the coordinator may change, so
 * a wrong guess here can refuse a department, never let one through.
 */
export function looksLikeLedger(path: string, bytes: Buffer | undefined): boolean {
  if (!bytes || !/\.ya?ml$/i.test(path)) return false;
  return /(^|\n)\uFEFF?(plan|sections)[ \t]*:/.test(bytes.toString('utf8'));
}
