import { checkLedger } from '../check/index.js';
import { itemNumbers } from '../check/rules/item-numbers.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Registry } from '../model/department.js';
import { pendingRequest, type Ledger } from '../model/ledger.js';
import { deadlineFacts } from '../query/deadline.js';
import { lastRecordDate } from '../model/ledger-as-of.js';
import { obligationsByDepartment } from '../query/ownership.js';
import { checkShape } from '../read/check-shape.js';
import { ledgerFromValue } from '../read/read-ledger.js';
import { resolveRelativeDues } from '../read/resolve-relative-dues.js';
import { itemShape } from '../schema/ledger-shape.js';
import type { ItemRow } from './packed-row.js';
import { obligationRow, type ObligationRow } from './obligation-row.js';

/** What an item's row depends on besides its own text: the plan, its section, the registry and today. */
export interface RowSetting {
  file: string;
  planValue: unknown;
  section: { number: unknown; title: unknown };
  registry: Registry;
  registryFile: string;
  today: string;
  /** The folder relative names start from (Io's). */
  cwd: string;
}

const errorsIn = (found: readonly Diagnostic[]) => found.reduce((n, d) => n + (d.severity === 'error' ? 1 : 0), 0);

/** Errors of the plan and registry alone, by registry and then plan, file and today: the same for every item of a run. */
const planErrors = new WeakMap<Registry, Map<string, number>>();

async function planAloneErrors(setting: RowSetting, ledger: Ledger): Promise<number> {
  let byPlan = planErrors.get(setting.registry);
  if (!byPlan) planErrors.set(setting.registry, (byPlan = new Map()));
  const key = JSON.stringify([setting.planValue, setting.file, setting.today, setting.cwd]);
  let errors = byPlan.get(key);
  if (errors === undefined) byPlan.set(key, (errors = errorsIn(await checkLedger({ ledger: { ...ledger, items: [] }, today: setting.today }, 'view'))));
  return errors;
}

/** A ledger of the plan and the section alone, with `items` in it. */
function ledgerOf(setting: RowSetting, items: unknown[]): Ledger {
  const value = { plan: setting.planValue, sections: [{ number: setting.section.number, title: setting.section.title, items }] };
  return ledgerFromValue(value, setting.file, setting.registry, setting.registryFile, setting.today);
}

/**
 * One item's row, from the item's value alone: the facts every view counts and
 * the number of errors the view checks find in the item (its shape and the
 * checks that look at one item). Findings about the plan, the registry and
 * the numbering of all items are counted elsewhere (item-index.ts).
 */
export async function itemRow(value: unknown, setting: RowSetting): Promise<ItemRow> {
  const shapeErrors = errorsIn(checkShape(value, itemShape, setting.file, ['sections', 0, 'items', 0]));
  const ledger = ledgerOf(setting, [value]);
  await resolveRelativeDues(ledger, setting.cwd);
  const item = ledger.items[0];
  if (!item) return { number: null, errors: shapeErrors };
  const context = { ledger, today: setting.today };
  // The plan-level findings and the numbering findings of this one-item ledger are not the item's.
  const alone = errorsIn(await checkLedger(context, 'view')) - (await planAloneErrors(setting, ledger)) - errorsIn(itemNumbers(context));
  const departments = setting.registry.departments;
  const obligations: ObligationRow[] = [];
  for (const [department, list] of obligationsByDepartment(ledger)) {
    for (const o of list) obligations.push(obligationRow(departments.indexOf(department), o));
  }
  const lastRecord = lastRecordDate(item);
  return {
    number: item.number,
    due: item.due,
    facts: deadlineFacts(item),
    postponed: item.postponements.length > 0,
    requested: pendingRequest(item) !== undefined,
    obligations,
    errors: shapeErrors + alone,
    ...(lastRecord ? { lastRecord } : {}),
  };
}
