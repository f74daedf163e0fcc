import { lookupName, type Registry } from '../model/department.js';
import { pendingRequest, type Item, type Ledger, type ProgressEntry } from '../model/ledger.js';
import { ROLE_LABELS } from '../model/role.js';
import type { Status } from '../model/status.js';

/** One meaningful difference between two versions of a ledger. Keys are the JSON keys of `gongkai diff`. */
export type Change =
  | { kind: 'added'; item: string; text: string }
  | { kind: 'removed'; item: string; text: string }
  | { kind: 'status'; item: string; from: Status; to: Status }
  | { kind: 'due'; item: string; from: string; to: string }
  | { kind: 'done_on'; item: string; from: string | null; to: string | null }
  | { kind: 'roles'; item: string; from: string; to: string }
  | { kind: 'resolve'; item: string; group: string; from: string[]; to: string[] }
  | { kind: 'progress'; item: string; entry: ProgressEntry }
  | { kind: 'postponed'; item: string; count: number; on: string; from: string; to: string; reason: string; approved_by: string | null }
  | { kind: 'cancelled'; item: string; on: string; reason: string; approved_by: string | null }
  | { kind: 'postpone_requested'; item: string; on: string; dept: string; to: string; reason: string }
  | { kind: 'postpone_rejected'; item: string; on: string; reason: string; rejected_by: string | null; request: { on: string; dept: string; to: string } | null }
  | { kind: 'milestone_done'; item: string; step: number; total: number; text: string; done_on: string }
  | { kind: 'text'; item: string };

/**
 * The date a change carries itself, as written in the ledger (a note's date, an
 * approval's or a refusal's, a request's, a done date); undefined for a change
 * that has none (a status, a deadline or roles set by hand), dated by its commit.
 */
export function changeDate(change: Change): string | undefined {
  switch (change.kind) {
    case 'progress':
      return change.entry.date;
    case 'postponed':
    case 'cancelled':
    case 'postpone_requested':
    case 'postpone_rejected':
      return change.on;
    case 'done_on':
      return change.to ?? undefined;
    case 'milestone_done':
      return change.done_on;
    default:
      return undefined;
  }
}

function canonical(registry: Registry, name: string): string {
  const entry = lookupName(registry, name);
  return entry?.type === 'department' ? entry.department.name : entry?.type === 'group' ? entry.group.name : name;
}

/** 政策法规司牵头；信息中心配合 — roles in a stable order, so two versions compare as text. */
export function describeRoles(item: Item, registry: Registry): string {
  return item.assignments
    .map((a) => `${a.scope ? `${a.scope}由` : ''}${canonical(registry, a.name)}${ROLE_LABELS[a.role]}`)
    .sort()
    .join('；');
}

/** What changed between two ledgers, item by item, in the newer ledger's order. */
export function diffLedgers(before: Ledger, after: Ledger): Change[] {
  const changes: Change[] = [];
  // Items are paired by number; a number written twice (a DUPLICATE_NUMBER the ledger already has) pairs its first with the first, its second with the second.
  const keyed = (items: readonly Item[]) => {
    const seen = new Map<string, number>();
    return items.map((i) => {
      const k = seen.get(i.number) ?? 0;
      seen.set(i.number, k + 1);
      return [k ? `${i.number}\0${k}` : i.number, i] as const;
    });
  };
  const afterKeyed = keyed(after.items);
  const old = new Map(keyed(before.items));
  // With the same registry, roles written the same describe the same: the common case is compared as text, not resolved.
  const registryText = (l: Ledger) => JSON.stringify([l.registry.departments, l.registry.groups]);
  const sameRegistry = before.registry === after.registry || registryText(before) === registryText(after);
  const current = new Set(afterKeyed.map(([key]) => key));
  for (const [key, item] of afterKeyed) {
    const was = old.get(key);
    if (!was) {
      changes.push({ kind: 'added', item: item.number, text: item.text });
      continue;
    }
    const n = item.number;
    // A postponement moves the due date: it is named as such, not as a bare date change.
    const known = new Set(was.postponements.map((p) => JSON.stringify(p)));
    const moved = item.postponements.map((p, i) => ({ p, count: i + 1 })).filter(({ p }) => !known.has(JSON.stringify(p)));
    if (was.status !== item.status) changes.push({ kind: 'status', item: n, from: was.status, to: item.status });
    for (const { p, count } of moved) {
      changes.push({ kind: 'postponed', item: n, count, on: p.on, from: p.from, to: p.to, reason: p.reason, approved_by: p.approvedBy ?? null });
    }
    const askedBefore = new Set(was.postponementRequests.map((r) => JSON.stringify(r)));
    for (const r of item.postponementRequests) if (!askedBefore.has(JSON.stringify(r))) changes.push({ kind: 'postpone_requested', item: n, on: r.on, dept: r.dept, to: r.to, reason: r.reason });
    // A refusal answers the request that was pending before it.
    const refusedBefore = new Set(was.postponementRejections.map((r) => JSON.stringify(r)));
    const answered = pendingRequest(was);
    for (const r of item.postponementRejections) {
      if (refusedBefore.has(JSON.stringify(r))) continue;
      const request = answered && answered.on <= r.on ? { on: answered.on, dept: answered.dept, to: answered.to } : null;
      changes.push({ kind: 'postpone_rejected', item: n, on: r.on, reason: r.reason, rejected_by: r.rejectedBy ?? null, request });
    }
    const explained = moved.length > 0 && moved[moved.length - 1]!.p.to === item.due;
    if (was.due !== item.due && !explained) changes.push({ kind: 'due', item: n, from: was.due, to: item.due });
    const c = item.cancellation;
    if (c && JSON.stringify(c) !== JSON.stringify(was.cancellation)) changes.push({ kind: 'cancelled', item: n, on: c.on, reason: c.reason, approved_by: c.approvedBy ?? null });
    item.milestones.forEach((m, i) => {
      const before = was.milestones[i];
      if (m.doneOn && before?.doneOn !== m.doneOn) changes.push({ kind: 'milestone_done', item: n, step: i + 1, total: item.milestones.length, text: m.text, done_on: m.doneOn });
    });
    if (was.doneOn !== item.doneOn) changes.push({ kind: 'done_on', item: n, from: was.doneOn ?? null, to: item.doneOn ?? null });
    if (was.text !== item.text) changes.push({ kind: 'text', item: n });
    if (!sameRegistry || JSON.stringify(was.assignments) !== JSON.stringify(item.assignments)) {
      const rolesBefore = describeRoles(was, before.registry);
      const rolesAfter = describeRoles(item, after.registry);
      if (rolesBefore !== rolesAfter) changes.push({ kind: 'roles', item: n, from: rolesBefore, to: rolesAfter });
    }
    for (const group of new Set([...Object.keys(was.resolutions), ...Object.keys(item.resolutions)])) {
      const from = was.resolutions[group] ?? [];
      const to = item.resolutions[group] ?? [];
      if (from.join('、') !== to.join('、')) changes.push({ kind: 'resolve', item: n, group, from, to });
    }
    const seen = new Set(was.progress.map((p) => JSON.stringify(p)));
    for (const entry of item.progress) if (!seen.has(JSON.stringify(entry))) changes.push({ kind: 'progress', item: n, entry });
  }
  for (const [key, item] of old) if (!current.has(key)) changes.push({ kind: 'removed', item: item.number, text: item.text });
  return changes;
}
