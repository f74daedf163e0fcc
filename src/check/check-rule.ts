import type { Diagnostic, PathSegment } from '../diagnostic.js';
import type { Item, Ledger } from '../model/ledger.js';

/** What every check sees: the loaded ledger and today's Beijing date. */
export interface CheckContext {
  ledger: Ledger;
  today: string;
  /** gongkai.yaml's year_end_grace_days, when set (model/plan-year.ts). */
  graceDays?: number;
}

/** A check: reads the ledger, returns what is wrong. Pure. */
export type CheckRule = (context: CheckContext) => Diagnostic[];

/** The diagnostic location of a field of an item. */
export function itemField(ledger: Ledger, item: Item, ...rest: PathSegment[]) {
  return { file: ledger.file, path: [...item.path, ...rest] };
}

/** 第 N 项: how messages name an item. */
export function itemLabel(item: Item): string {
  return `第 ${item.number} 项`;
}
