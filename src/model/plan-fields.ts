import type { Plan } from './ledger.js';

/** How a field of the plan is written: text (quoted when needed), a YYYY-MM-DD date, or the year. */
export type PlanFieldKind = 'text' | 'date' | 'year';

/**
 * The plan's fields once: the model's name, the name written in the ledger
 * (and in JSON), and its kind, in the order the ledger lists them. The YAML and
 * JSON writers and the export walk this list; the schema's `plan` shape is
 * checked against it (tests/layers/plan-fields.test.ts).
 */
export const PLAN_FIELDS = [
  { key: 'title', written: 'title', kind: 'text', required: true },
  { key: 'issuer', written: 'issuer', kind: 'text' },
  { key: 'documentNumber', written: 'document_number', kind: 'text' },
  { key: 'issuedOn', written: 'issued_on', kind: 'date' },
  { key: 'year', written: 'year', kind: 'year', required: true },
  { key: 'defaultDue', written: 'default_due', kind: 'date', required: true },
  { key: 'closedOn', written: 'closed_on', kind: 'date' },
  { key: 'preamble', written: 'preamble', kind: 'text' },
] as const satisfies readonly { key: keyof Plan; written: string; kind: PlanFieldKind; required?: true }[];

/** Every field of Plan is in the list (a field added to Plan and not here fails to compile). */
type Listed = (typeof PLAN_FIELDS)[number]['key'];
export type UnlistedPlanField = Exclude<keyof Plan, Listed>;
const everyFieldListed: UnlistedPlanField extends never ? true : false = true;
void everyFieldListed;

export interface WrittenPlanField {
  written: string;
  kind: PlanFieldKind;
  value: string | number;
}

/** The plan's fields a new ledger writes, in ledger order: the required ones always, the others when set. */
export function writtenPlanFields(plan: Partial<Plan>): WrittenPlanField[] {
  return PLAN_FIELDS.flatMap((f): WrittenPlanField[] => {
    const value = plan[f.key];
    if ('required' in f) return [{ written: f.written, kind: f.kind, value: value ?? '' }];
    return value === undefined || value === '' ? [] : [{ written: f.written, kind: f.kind, value }];
  });
}
