import type { Ledger } from '../model/ledger.js';
import type { Department } from '../model/department.js';
import { deadlineOf, type Deadline, type DeadlineOptions } from './deadline.js';
import { obligationsByDepartment, type Obligation } from './ownership.js';
import type { Item } from '../model/ledger.js';

/** What every view computes once: obligations per department and each item's deadline. */
export interface ViewContext {
  ledger: Ledger;
  asOf: string;
  options: DeadlineOptions;
  obligations: Map<Department, Obligation[]>;
  deadlines: Map<Item, Deadline>;
}

export function viewContext(ledger: Ledger, options: DeadlineOptions): ViewContext {
  const deadlines = new Map(ledger.items.map((item) => [item, deadlineOf(item, ledger, options)]));
  return { ledger, asOf: options.asOf, options, obligations: obligationsByDepartment(ledger), deadlines };
}
