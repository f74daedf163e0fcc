import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { FIXTURES, SHIPPED_LEDGER } from '../../helpers/paths.js';

/** One labelled task of a source plan: what the generated notices must read back. */
export interface PlanItem {
  text: string;
  lead: string[];
  joint: string[];
  sole: string[];
  cooperate: string[];
  /** Scoped leads (`规章由A牵头`): [scope, name]. */
  scoped: [string, string][];
  /** An ISO date, 'ongoing', or undefined (the plan's default). */
  due?: string;
}

export interface Plan {
  name: string;
  year: number;
  items: PlanItem[];
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** This repository's plan (data/ledger.yaml, 35 items): texts and roles as the ledger holds them. */
export function shippedPlan(): Plan {
  const ledger = yaml.load(readFileSync(SHIPPED_LEDGER, 'utf8')) as { plan: { year: number }; sections: { items: Record<string, unknown>[] }[] };
  const items = ledger.sections.flatMap((s) => s.items).map((item): PlanItem => {
    const lead = Array.isArray(item.lead) ? item.lead : [];
    return {
      text: String(item.text),
      lead: lead.filter((x): x is string => typeof x === 'string'),
      scoped: lead.filter((x): x is { dept: string; scope: string } => typeof x === 'object' && x !== null).map((x) => [x.scope, x.dept]),
      joint: list(item.joint),
      sole: list(item.sole),
      cooperate: list(item.cooperate),
    };
  });
  return { name: 'mca-2021', year: ledger.plan.year, items };
}

/**
 * The hand labels of real notices of other offices (tests/fixtures/notices/expected.json):
 * their roles and deadlines as a plan of their own (units labelled in parts are
 * left to the real-notice test). The words of each task are made up: only the roles are labelled.
 */
export function labelledPlan(): Plan {
  const { units } = JSON.parse(readFileSync(join(FIXTURES, 'notices', 'expected.json'), 'utf8')) as { units: Record<string, unknown>[] };
  const items = units
    .filter((u) => !u.parts)
    .map((u, i): PlanItem => ({
      text: `推进第${i + 1}项重点工作的信息公开，及时更新并集中发布相关信息。`,
      lead: list(u.lead),
      joint: list(u.joint),
      sole: list(u.sole),
      cooperate: list(u.cooperate),
      scoped: [],
      ...(typeof u.due === 'string' ? { due: u.due } : {}),
    }));
  return { name: 'labels', year: 2021, items };
}

/** Roles as one comparable line: `lead:A、B joint:… sole:… cooperate:…`, names sorted. */
export function rolesLine(roles: { lead: string[]; joint: string[]; sole: string[]; cooperate: string[] }): string {
  return (['lead', 'joint', 'sole', 'cooperate'] as const).map((r) => `${r}:${[...new Set(roles[r])].sort().join('、')}`).join(' ');
}

export function expectedRoles(item: PlanItem): string {
  return rolesLine({ ...item, lead: [...item.lead, ...item.scoped.map(([, name]) => name)] });
}
