import type { Workbook } from '../../excel-library.js';
import { FORM_FORMAT, RECORD_SHEET } from '../../model/form-layout.js';

/** Where a form came from, beyond its content: which version of which ledger file. */
export interface FormOrigin {
  ledgerSha256: string;
  commit: string | null;
  /** HMAC of the record under the coordinator's form key (permissions/form-signature.ts): collect refuses a record changed after it was written. */
  signature?: string;
}

/** What the record says of the table: the plan, who fills it in, when it was made; for the master table, its sheet and scope. */
export interface RecordFields {
  title: string;
  document_number: string | null;
  department: string;
  made_on: string;
  /** The sheet the answers are on, when it is not the form's 填报. */
  sheet?: string;
  /** `all`: the coordinator's master table, every item. */
  scope?: 'all';
}

/**
 * The very hidden sheet a returned table is read back by: one key and value
 * per row, then `item | number | fingerprint` rows. New keys are added at the
 * end of the key rows, so readers of either age read what they know.
 */
export async function addRecordSheet(workbook: Workbook, fields: RecordFields, origin: FormOrigin, items: readonly { number: string; fingerprint: string }[]): Promise<void> {
  const record = workbook.addWorksheet(RECORD_SHEET, { state: 'veryHidden' });
  const rows: (string | null)[][] = [
    ['format', FORM_FORMAT],
    ['title', fields.title],
    ['document_number', fields.document_number],
    ['ledger_sha256', origin.ledgerSha256],
    ['commit', origin.commit],
    ['department', fields.department],
    ['made_on', fields.made_on],
    ...(fields.sheet ? [['sheet', fields.sheet]] : []),
    ...(fields.scope ? [['scope', fields.scope]] : []),
    ...items.map((item) => ['item', item.number, item.fingerprint]),
    ['signature', origin.signature ?? null],
  ];
  rows.forEach((values, index) => {
    // Every value as text: a number such as 1.10 must come back as written.
    values.forEach((value, c) => {
      if (value !== null) record.getRow(index + 1).getCell(c + 1).value = value;
    });
  });
  await record.protect('', {});
}
