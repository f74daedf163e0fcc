import type { LedgerDraft, RegistryDraft } from '../model/ledger-draft.js';
import { writtenPlanFields } from '../model/plan-fields.js';
import { renderJson } from './json.js';
import type { Assignment, Role } from '../model/role.js';
import { yamlFlowList, yamlFlowScalar, yamlScalar } from './yaml-scalar.js';

export type { LedgerDraft } from '../model/ledger-draft.js';

const ROLE_KEYS: readonly Role[] = ['lead', 'joint', 'sole', 'cooperate'];

function roleLines(assignments: Assignment[], indent: string): string[] {
  const lines: string[] = [];
  for (const role of ROLE_KEYS) {
    const of = assignments.filter((a) => a.role === role);
    if (!of.length) continue;
    if (of.some((a) => a.scope)) {
      lines.push(`${indent}${role}:`);
      for (const a of of) {
        lines.push(a.scope ? `${indent}  - { dept: ${yamlScalar(a.name)}, scope: ${yamlScalar(a.scope)} }` : `${indent}  - ${yamlScalar(a.name)}`);
      }
    } else {
      lines.push(`${indent}${role}: ${yamlFlowList(of.map((a) => a.name))}`);
    }
  }
  return lines;
}

/** The registry as YAML lines at the given indent (used for its own file and inline). */
export function registryYamlLines(registry: RegistryDraft, indent = ''): string[] {
  const lines: string[] = [];
  if (registry.organisation) lines.push(`${indent}organisation: ${yamlScalar(registry.organisation)}`);
  lines.push(`${indent}departments:`);
  for (const d of registry.departments) {
    lines.push(`${indent}  - name: ${yamlScalar(d.name)}`);
    if (d.aliases.length) lines.push(`${indent}    aliases: ${yamlFlowList(d.aliases)}`);
    lines.push(`${indent}    kind: ${d.kind}`);
    if (d.guessed) lines.push(`${indent}    guessed: true`);
  }
  lines.push(`${indent}groups:`);
  for (const g of registry.groups) {
    lines.push(`${indent}  - name: ${yamlScalar(g.name)}`);
    if (g.aliases.length) lines.push(`${indent}    aliases: ${yamlFlowList(g.aliases)}`);
    lines.push(`${indent}    members: ${g.members}`);
    lines.push(`${indent}    kind: ${g.kind}`);
  }
  return lines;
}

/**
 * Writes a ledger as YAML laid out for hand editing and readable diffs: one
 * item field per line, roles as flow lists, item numbers quoted, no folding.
 */
export function ledgerYaml(draft: LedgerDraft, header: readonly string[]): string {
  const { plan } = draft;
  const lines = [...header.map((h) => `# ${h}`), 'plan:'];
  // Dates and the year plain (2021-06-30 stays text by the loader's schema), text quoted when needed.
  for (const field of writtenPlanFields(plan)) lines.push(`  ${field.written}: ${field.kind === 'text' ? yamlScalar(String(field.value)) : field.value}`);
  if (typeof draft.departments === 'string') lines.push(`departments: ${yamlScalar(draft.departments)}`);
  else lines.push('departments:', ...registryYamlLines(draft.departments, '  '));
  lines.push('sections:');
  for (const section of draft.sections) {
    lines.push(`  - number: ${yamlScalar(section.number)}`, `    title: ${yamlScalar(section.title)}`, '    items:');
    for (const item of section.items) {
      if (item.problem) lines.push(`      # gongkai import: ${item.problem}`);
      lines.push(`      - number: ${JSON.stringify(item.number)}`);
      lines.push(`        text: ${yamlScalar(item.text)}`);
      lines.push(`        clause: ${yamlScalar(item.clause)}`);
      lines.push(...roleLines(item.assignments, '        '));
      lines.push(`        status: ${item.status}`);
      lines.push(`        due: ${item.due}`);
      if (item.dueText) lines.push(`        due_text: ${yamlScalar(item.dueText)}`);
      if (item.milestones) {
        lines.push('        milestones:');
        for (const m of item.milestones) lines.push(`          - { due: ${m.due}, text: ${yamlFlowScalar(m.text)} }`);
      }
      if (item.carriedOver) lines.push(...carriedOverLines(item.carriedOver));
    }
  }
  return lines.join('\n') + '\n';
}

type CarriedOverDraft = NonNullable<LedgerDraft['sections'][number]['items'][number]['carriedOver']>;

function carriedOverLines(c: CarriedOverDraft): string[] {
  const lines = ['        carried_over:', `          ledger: ${yamlScalar(c.ledger)}`, `          item: ${JSON.stringify(c.item)}`];
  if (c.plan) lines.push(`          plan: ${yamlScalar(c.plan)}`);
  if (c.documentNumber) lines.push(`          document_number: ${yamlScalar(c.documentNumber)}`);
  if (c.commit) lines.push(`          commit: ${yamlScalar(c.commit)}`);
  lines.push(`          status: ${c.status}`, `          due: ${c.due}`, `          postponed: ${c.postponed}`);
  return lines;
}

function carriedOverJson(c: CarriedOverDraft) {
  return { ledger: c.ledger, item: c.item, ...(c.plan ? { plan: c.plan } : {}), ...(c.documentNumber ? { document_number: c.documentNumber } : {}), ...(c.commit ? { commit: c.commit } : {}), status: c.status, due: c.due, postponed: c.postponed };
}

/** The same ledger as JSON (also a valid ledger file: JSON is YAML). */
export function ledgerJson(draft: LedgerDraft): string {
  const { plan } = draft;
  const roles = (assignments: Assignment[]) =>
    Object.fromEntries(
      ROLE_KEYS.filter((r) => assignments.some((a) => a.role === r)).map((r) => [
        r,
        assignments.filter((a) => a.role === r).map((a) => (a.scope ? { dept: a.name, scope: a.scope } : a.name)),
      ]),
    );
  const departments =
    typeof draft.departments === 'string'
      ? draft.departments
      : {
          ...(draft.departments.organisation ? { organisation: draft.departments.organisation } : {}),
          departments: draft.departments.departments.map((d) => ({ name: d.name, ...(d.aliases.length ? { aliases: d.aliases } : {}), kind: d.kind, ...(d.guessed ? { guessed: true } : {}) })),
          groups: draft.departments.groups.map((g) => ({ name: g.name, ...(g.aliases.length ? { aliases: g.aliases } : {}), members: g.members, kind: g.kind })),
        };
  const data = {
    plan: Object.fromEntries(writtenPlanFields(plan).map((f) => [f.written, f.value])),
    departments,
    sections: draft.sections.map((s) => ({
      number: s.number,
      title: s.title,
      items: s.items.map((i) => ({ number: i.number, text: i.text, clause: i.clause, ...roles(i.assignments), status: i.status, due: i.due, ...(i.dueText ? { due_text: i.dueText } : {}), ...(i.milestones ? { milestones: i.milestones } : {}), ...(i.carriedOver ? { carried_over: carriedOverJson(i.carriedOver) } : {}), ...(i.review?.length ? { review: i.review } : {}) })),
    })),
  };
  return renderJson(data);
}
