import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Registry } from '../model/department.js';
import { findDepartment } from '../model/department.js';

/** What a form's hidden record vouches for: the ledger and department it was made from, and each item's state then. */
export interface SignedRecord {
  title: string;
  documentNumber: string | null;
  ledgerSha256: string;
  commit: string | null;
  department: string;
  madeOn: string;
  /** Item number → fingerprint, in the form's order. */
  fingerprints: ReadonlyMap<string, string>;
  /** The master table's sheet and scope (`all`: the office may edit every item); signed too, so a department's form cannot claim them. */
  sheet?: string;
  scope?: 'department' | 'all';
}

/** The record as one unambiguous text: JSON of its fields in a fixed order. */
function recordText(record: SignedRecord): string {
  // As the hidden sheet gives them back: text trimmed, empty as null.
  const text = (value: string | null | undefined) => (value ?? '').trim() || null;
  const items = [...record.fingerprints].map(([number, fingerprint]) => [text(number), text(fingerprint)]);
  return JSON.stringify(['gongkai-form-record 1', text(record.title), text(record.documentNumber), text(record.ledgerSha256), text(record.commit), text(record.department), text(record.madeOn), items, ...(record.scope === 'all' ? [text(record.sheet), 'all'] : [])]);
}

/** HMAC-SHA256 of the record under the coordinator's form key (hex). */
export function signRecord(key: Buffer, record: SignedRecord): string {
  return createHmac('sha256', key).update(recordText(record)).digest('hex');
}

/**
 * Checks a returned form's record against its signature: undefined when the
 * record is exactly as gongkai wrote it; otherwise why the form is refused.
 */
export function recordForgery(key: Buffer, record: SignedRecord, signature: string | null | undefined): string | undefined {
  if (!signature) return '表格的来源记录没有签名（被改过，或由旧版 gongkai 生成）；请用 gongkai forms 重新生成表格，填好后再交回';
  const expected = Buffer.from(signRecord(key, record), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return `表格的来源记录与签名不符：记录中的部门（${record.department}）、任务或台账被改过，或者表格不是用这里的密钥生成的；这份表格不能代表任何部门，未读取`;
  }
  return undefined;
}

/** The e-mail a department's liaison commits with: the first committer in the registry that is an e-mail address. */
export function liaisonEmail(registry: Registry, department: string): string | undefined {
  const found = findDepartment(registry, department);
  return found?.committers.find((c) => /^[^\s<>@]+@[^\s<>@]+$/.test(c));
}
