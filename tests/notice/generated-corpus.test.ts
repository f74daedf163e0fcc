import { describe, expect, it } from 'vitest';
import { readNoticeBytes } from '../../src/notice/index.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { allForms, type Rendered } from './corpus/forms.js';
import { inventedPlan } from './corpus/invented.js';
import { expectedRoles, labelledPlan, rolesLine, shippedPlan, type Plan } from './corpus/plans.js';
import { FULL_SIZE, scaled } from '../helpers/scale.js';

/**
 * The generated corpus: each labelled plan (this repository's 35 items; the hand
 * labels of real notices of other offices) rendered in every form of DOMAIN.md's
 * catalogue and its variations, imported, and compared with its source — roles of
 * every unit and, where the form writes them, deadlines. A unit not read right must
 * at least be flagged (never silently wrong); the forms are built so that all are right.
 */

function rolesOf(item: NoticeItem): string {
  const by = (role: string) => item.assignments.filter((a) => a.role === role).map((a) => a.name);
  return rolesLine({ lead: by('lead'), joint: by('joint'), sole: by('sole'), cooperate: by('cooperate') });
}

function expectedOf(unit: Rendered['units'][number]): string {
  if (unit.items.length === 1 && !unit.extra) return expectedRoles(unit.items[0]!);
  const merged = { lead: [] as string[], joint: [...(unit.extra?.joint ?? [])], sole: [] as string[], cooperate: [] as string[] };
  for (const it of unit.items) {
    merged.lead.push(...it.lead, ...it.scoped.map(([, n]) => n));
    merged.joint.push(...it.joint);
    merged.sole.push(...it.sole);
    merged.cooperate.push(...it.cooperate);
  }
  return rolesLine(merged);
}

function dueOk(item: NoticeItem, want: string | undefined): boolean {
  if (!want) return true;
  return want === 'ongoing' ? item.ongoing === true : item.due === want;
}

// …and invented plans: bodies no registry holds (县澜平融媒体中心), made-up task words; longer ones at full size.
const INVENTED_ITEMS = scaled(12, 20);
const plans: Plan[] = [shippedPlan(), labelledPlan(), inventedPlan(7, INVENTED_ITEMS), inventedPlan(8, INVENTED_ITEMS, false)];

describe.each(plans.map((p, i) => [p.name, p, i] as const))('generated corpus from %s', async (_, plan, i) => {
  // F1's 45 combinations of bracket, numbering and clause words on the first plan; on the others, 15 in which every
  // two choices meet (every combination on every plan at full size). The other forms are written for every plan.
  const forms = await allForms(plan, FULL_SIZE || i === 0);
  it(`covers every form of the catalogue (${forms.length} forms × variations, ${plan.items.length} items)`, () => {
    const covered = new Set(forms.flatMap((f) => f.name.match(/F\d+/g) ?? []));
    expect([...covered].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F10', 'F11', 'F12']);
  });
  it.each(forms.map((f) => [f.name, f] as const))('%s: every unit read right', async (_, form) => {
    const read = await readNoticeBytes(form.bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const items = read.notice.items;
    const wrong: string[] = [];
    form.units.forEach((unit, i) => {
      const item = items[i];
      const want = expectedOf(unit);
      const due = unit.withDue && unit.items.length === 1 ? unit.items[0]!.due : undefined;
      if (!item || rolesOf(item) !== want || !dueOk(item, due)) wrong.push(`unit ${i + 1}: want ${want} ${due ?? ''}, got ${item ? `${rolesOf(item)} ${item.due ?? ''}${item.ongoing ? ' ongoing' : ''} [${item.problems.join('；')}]` : 'nothing'}`);
    });
    expect(items.length, `${items.length} items for ${form.units.length} units`).toBe(form.units.length);
    expect(wrong).toEqual([]);
    // Read right and sure: nothing about the roles is flagged.
    expect(items.filter((i) => i.rolesUnsure).map((i) => `${i.number}: ${i.problems.join('；')}`)).toEqual([]);
  });
});
