import { describe, expect, it } from 'vitest';
import { PLAN_FIELDS, writtenPlanFields } from '../../src/model/plan-fields.js';
import { planShape } from '../../src/schema/ledger-shape.js';

describe('the plan\'s fields, listed once', () => {
  it('are the schema\'s plan properties, in the same order, with the same required ones', () => {
    const plan = planShape;
    expect(PLAN_FIELDS.map((f) => f.written)).toEqual(Object.keys(plan.properties));
    expect(PLAN_FIELDS.filter((f) => 'required' in f).map((f) => f.written).sort()).toEqual([...(plan.required ?? [])].sort());
    for (const field of PLAN_FIELDS) {
      const shape = plan.properties[field.written]!;
      expect(shape.type, field.written).toBe(field.kind === 'year' ? 'integer' : 'string');
      expect('date' in shape && shape.date === true, field.written).toBe(field.kind === 'date');
    }
  });

  it('a new ledger writes the required fields always and the others only when set', () => {
    expect(writtenPlanFields({ title: '计划', year: 2022, defaultDue: '2022-12-31' }).map((f) => f.written)).toEqual(['title', 'year', 'default_due']);
    expect(writtenPlanFields({ title: '计划', issuer: '办公厅', year: 2022, defaultDue: '2022-12-31', issuedOn: '2022-03-01', preamble: '' }).map((f) => f.written)).toEqual(['title', 'issuer', 'issued_on', 'year', 'default_due']);
  });
});
