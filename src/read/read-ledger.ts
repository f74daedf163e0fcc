import type { CarriedOver, Ledger, Item, Plan, Section, ProgressEntry, Postponement, PostponementRejection, PostponementRequest, Milestone, Cancellation, RelativeDue } from '../model/ledger.js';
import type { Registry } from '../model/department.js';
import type { Assignment, Role } from '../model/role.js';
import { parseStatus } from '../model/status.js';
import { isValidDate } from '../model/dates.js';
import { normalizeDepartmentName } from '../model/department-name.js';
import { asArray, asRecord, asString, type Raw } from './raw-value.js';

const asDate = (value: unknown): string | undefined => (typeof value === 'string' && isValidDate(value) ? value : undefined);

function planFromValue(value: unknown, today: string | undefined): Plan {
  const raw = asRecord(value);
  const defaultDue = asDate(raw.default_due);
  // Only for a plan whose year and default due are both missing (already an error): the best guess at hand.
  const guessedFrom = defaultDue ?? asDate(raw.issued_on) ?? today;
  const fallbackYear = guessedFrom ? Number(guessedFrom.slice(0, 4)) : 2000;
  // An out-of-range year is reported by the shape check; the model falls back rather than repeat it.
  const year = typeof raw.year === 'number' && Number.isInteger(raw.year) && raw.year >= 2000 && raw.year <= 2100 ? raw.year : fallbackYear;
  return {
    title: asString(raw.title) ?? '',
    issuer: asString(raw.issuer),
    documentNumber: asString(raw.document_number),
    issuedOn: asDate(raw.issued_on),
    year,
    defaultDue: defaultDue ?? `${year}-12-31`,
    ...(asDate(raw.closed_on) ? { closedOn: asDate(raw.closed_on) } : {}),
    ...(asString(raw.preamble) ? { preamble: asString(raw.preamble) } : {}),
  };
}

/*
 * The readers below build each item with plain loops and literals, not map/filter chains and
 * conditional spreads: a 100,000-item ledger has a million entries, and the intermediate arrays and
 * objects were a second of every run. Keys are added in the order the spreads gave them.
 */

/**
 * Where an entry is written inside its item (['lead', 0]), one array for each place: a 100,000-item ledger
 * has a quarter of a million assignments, and an array for each was that many more objects kept to the
 * end of the run. Frozen, as they are shared; readers only spread them into paths.
 */
const places: Record<Role, (string | number)[][]> = { lead: [], joint: [], sole: [], cooperate: [] };
const scopedPlaces: Record<Role, (string | number)[][]> = { lead: [], joint: [], sole: [], cooperate: [] };
function placeOf(role: Role, index: number, dept: boolean): (string | number)[] {
  const known = (dept ? scopedPlaces : places)[role];
  return (known[index] ??= Object.freeze(dept ? [role, index, 'dept'] : [role, index]) as (string | number)[]);
}

/** One role's entries, in order. */
function addRole(assignments: Assignment[], role: Role, entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (let index = 0; index < entries.length; index++) {
    const entry: unknown = entries[index];
    if (typeof entry === 'string') assignments.push({ name: normalizeDepartmentName(entry), role, at: placeOf(role, index, false) });
    else {
      const scoped = asRecord(entry);
      if (typeof scoped.dept === 'string') {
        const assignment: Assignment = { name: normalizeDepartmentName(scoped.dept), role } as Assignment;
        if (typeof scoped.scope === 'string') assignment.scope = scoped.scope;
        assignment.at = placeOf(role, index, true);
        assignments.push(assignment);
      }
    }
  }
}

function assignmentsFromValue(raw: Raw): Assignment[] {
  const assignments: Assignment[] = [];
  // Any role may be scoped (`{ dept, scope }`): 规章由A牵头, or one of several clauses of a paragraph.
  // Each role by its own name (raw.lead …), in ROLES order: a property looked up by a variable name is a slow lookup on every item.
  addRole(assignments, 'lead', raw.lead);
  addRole(assignments, 'joint', raw.joint);
  addRole(assignments, 'sole', raw.sole);
  addRole(assignments, 'cooperate', raw.cooperate);
  return assignments;
}

const optional = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: string }));

/**
 * The one empty list every item without milestones, postponements, requests, rejections, notes or
 * unreadable fields shares: five arrays an item were half a million objects kept to the end of a
 * 100,000-item run. Frozen, so a reader that tried to add to one would fail loudly, not change every item.
 */
const NONE = Object.freeze([]) as unknown as never[];

/** The records of a list (anything else in it reads as an empty record, as asRecord gives). */
function recordsOf(value: unknown): Raw[] {
  if (!Array.isArray(value)) return [];
  const out: Raw[] = [];
  for (const entry of value) out.push(asRecord(entry));
  return out;
}

function postponementsFromValue(value: unknown): Postponement[] {
  if (!Array.isArray(value) || value.length === 0) return NONE;
  const out: Postponement[] = [];
  for (const entry of recordsOf(value)) {
    const on = asDate(entry.on);
    const from = asDate(entry.from);
    const to = asDate(entry.to);
    if (!on || !from || !to) continue;
    out.push({ on, from, to, reason: asString(entry.reason) ?? '', ...optional('approvedBy', asString(entry.approved_by)) });
  }
  return out.length ? out : NONE;
}

function requestsFromValue(value: unknown): PostponementRequest[] {
  if (!Array.isArray(value) || value.length === 0) return NONE;
  const out: PostponementRequest[] = [];
  for (const entry of recordsOf(value)) {
    const on = asDate(entry.on);
    const to = asDate(entry.to);
    if (!on || !to || typeof entry.dept !== 'string') continue;
    out.push({ on, dept: entry.dept, to, reason: asString(entry.reason) ?? '' });
  }
  return out.length ? out : NONE;
}

function rejectionsFromValue(value: unknown): PostponementRejection[] {
  if (!Array.isArray(value) || value.length === 0) return NONE;
  const out: PostponementRejection[] = [];
  for (const entry of recordsOf(value)) {
    const on = asDate(entry.on);
    if (!on) continue;
    out.push({ on, reason: asString(entry.reason) ?? '', ...optional('rejectedBy', asString(entry.rejected_by)) });
  }
  return out.length ? out : NONE;
}

function milestonesFromValue(value: unknown): Milestone[] {
  if (!Array.isArray(value) || value.length === 0) return NONE;
  const out: Milestone[] = [];
  for (const entry of recordsOf(value)) {
    const due = asDate(entry.due);
    if (!due) continue;
    out.push({ due, text: asString(entry.text) ?? '', ...optional('doneOn', asDate(entry.done_on)) });
  }
  return out.length ? out : NONE;
}

function progressFromValue(value: unknown): ProgressEntry[] {
  if (!Array.isArray(value) || value.length === 0) return NONE;
  const out: ProgressEntry[] = [];
  for (const entry of value) {
    const p = asRecord(entry);
    if (typeof p.date === 'string' && typeof p.dept === 'string') out.push({ date: p.date, dept: p.dept, note: asString(p.note) ?? '' });
  }
  return out.length ? out : NONE;
}

function cancellationFromValue(value: unknown): Cancellation | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = asRecord(value);
  const on = asDate(raw.on);
  if (!on) return undefined;
  return { on, reason: asString(raw.reason) ?? '', ...optional('approvedBy', asString(raw.approved_by)) };
}

function relativeDueFromValue(value: unknown): RelativeDue | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const raw = asRecord(value);
  const after = asDate(raw.after);
  const n = raw.working_days;
  if (!after || typeof n !== 'number' || !Number.isInteger(n) || n < 1) return undefined;
  return { after, workingDays: n };
}

function carriedOverFromValue(value: unknown): CarriedOver | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const raw = asRecord(value);
  const ledger = asString(raw.ledger);
  const item = typeof raw.item === 'number' ? String(raw.item) : asString(raw.item);
  if (!ledger || !item) return undefined;
  const status = parseStatus(asString(raw.status) ?? '');
  return {
    ledger,
    item,
    ...optional('plan', asString(raw.plan)),
    ...optional('documentNumber', asString(raw.document_number)),
    ...optional('commit', asString(raw.commit)),
    ...(status ? { status } : {}),
    ...optional('due', asDate(raw.due)),
    ...(typeof raw.postponed === 'number' ? { postponed: raw.postponed } : {}),
  };
}

function resolutionsFromValue(value: unknown): Record<string, string[]> {
  const resolutions: Record<string, string[]> = {};
  if (value === undefined || value === null) return resolutions;
  const raw = asRecord(value);
  for (const group of Object.keys(raw)) {
    const names: string[] = [];
    const written = raw[group];
    if (Array.isArray(written)) for (const n of written) if (typeof n === 'string') names.push(normalizeDepartmentName(n));
    resolutions[normalizeDepartmentName(group)] = names;
  }
  return resolutions;
}

/** Fields that are written but cannot be read (wrong type or bad date). */
function unreadableOf(raw: Raw, dueRule: RelativeDue | undefined): string[] {
  // Almost every item reads whole: asked field by field first, and only a misfit is listed in the file's key order.
  const misfit =
    (raw.due != null && asDate(raw.due) === undefined && dueRule === undefined) ||
    (raw.done_on != null && asDate(raw.done_on) === undefined) ||
    (raw.text != null && typeof raw.text !== 'string') ||
    (raw.clause != null && typeof raw.clause !== 'string') ||
    (raw.due_text != null && typeof raw.due_text !== 'string') ||
    (raw.status != null && (typeof raw.status !== 'string' || !parseStatus(raw.status)));
  if (!misfit) return NONE;
  const unreadable: string[] = [];
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (value === null || value === undefined) continue;
    let bad = false;
    if (key === 'due') bad = asDate(value) === undefined && dueRule === undefined;
    else if (key === 'done_on') bad = asDate(value) === undefined;
    else if (key === 'text' || key === 'clause' || key === 'status' || key === 'due_text') bad = typeof value !== 'string' || (key === 'status' && !parseStatus(value));
    if (bad) unreadable.push(key);
  }
  return unreadable;
}

function itemFromValue(value: unknown, section: string, plan: Plan, path: (string | number)[]): Item | undefined {
  const raw = asRecord(value);
  const number = typeof raw.number === 'number' ? String(raw.number) : asString(raw.number);
  if (number === undefined) return undefined;
  const due = asDate(raw.due);
  const dueRule = relativeDueFromValue(raw.due);
  const resolutions = resolutionsFromValue(raw.resolve);
  const progress = progressFromValue(raw.progress);
  const cancellation = cancellationFromValue(raw.cancelled);
  const carriedOver = carriedOverFromValue(raw.carried_over);
  const unreadable = unreadableOf(raw, dueRule);
  const item = {
    number,
    section,
    text: asString(raw.text) ?? '',
    clause: asString(raw.clause) ?? '',
    assignments: assignmentsFromValue(raw),
    status: parseStatus(asString(raw.status) ?? '') ?? 'not_started',
    due: due ?? plan.defaultDue,
    dueIsDefault: due === undefined,
  } as Item;
  if (typeof raw.due_text === 'string' && raw.due_text.trim()) item.dueText = raw.due_text;
  if (Array.isArray(raw.review) && raw.review.length) item.review = raw.review.filter((r): r is string => typeof r === 'string');
  item.doneOn = asDate(raw.done_on);
  if (dueRule) item.dueRule = dueRule;
  item.milestones = milestonesFromValue(raw.milestones);
  item.postponements = postponementsFromValue(raw.postponements);
  item.postponementRequests = requestsFromValue(raw.postponement_requests);
  item.postponementRejections = rejectionsFromValue(raw.postponement_rejections);
  if (cancellation) item.cancellation = cancellation;
  item.resolutions = resolutions;
  item.progress = progress;
  if (carriedOver) item.carriedOver = carriedOver;
  item.unreadable = unreadable;
  item.path = path;
  return item;
}

/**
 * Builds the ledger model from its YAML value, best effort: the caller has
 * already checked the shape and reports what is wrong; here a malformed
 * piece is skipped rather than guessed at.
 */
export function ledgerFromValue(value: unknown, file: string, registry: Registry, registryFile: string, today?: string): Ledger {
  const raw = asRecord(value);
  const plan = planFromValue(raw.plan, today);
  const sections: Section[] = [];
  const items: Item[] = [];
  asArray(raw.sections).forEach((sectionValue, sectionIndex) => {
    const section = asRecord(sectionValue);
    const number = asString(section.number) ?? String(sectionIndex + 1);
    sections.push({ number, title: asString(section.title) ?? '' });
    asArray(section.items).forEach((itemValue, itemIndex) => {
      const item = itemFromValue(itemValue, number, plan, ['sections', sectionIndex, 'items', itemIndex]);
      if (item) items.push(item);
    });
  });
  return { file, plan, registry, registryFile, sections, items };
}
