import type { Assignment, Role } from '../model/role.js';

export type ParsedClause = { ok: true; assignments: Assignment[] } | { ok: false; reason: string };

/** Role words at the end of a clause part, longest first so 按职责分工负责 wins over 负责. */
const ROLE_SUFFIXES: readonly [string, Role][] = [
  ['按职责分工负责', 'joint'],
  ['按职责分别负责', 'joint'],
  ['分别负责', 'joint'],
  ['共同负责', 'joint'],
  ['牵头负责', 'lead'],
  ['牵头', 'lead'],
  ['配合', 'cooperate'],
  ['协助', 'cooperate'],
  ['参与', 'cooperate'],
  ['负责', 'sole'],
];

const OPEN = new Set(['(', '（', '〔', '[', '【']);
const CLOSE = new Set([')', '）', '〕', ']', '】']);

/** Splits on any of `separators` that stands outside parentheses. */
export function splitTopLevel(text: string, separators: ReadonlySet<string>): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.has(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

const PART_SEPARATORS = new Set([',', '，', ';', '；']);
const NAME_SEPARATORS = new Set(['、']);

/** Half-width parentheses and no spaces, so one body has one spelling in the ledger. */
export function normalizeDepartmentName(name: string): string {
  let normal = normalNames.get(name);
  if (normal === undefined) {
    normal = name.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
    normalNames.set(name, normal);
  }
  return normal;
}

const normalNames = new Map<string, string>();

function checkName(name: string): string | undefined {
  if (!name) return '有空的部门名称';
  if (/由|牵头|配合|负责/.test(name)) return `无法识别「${name}」`;
  let depth = 0;
  for (const ch of name) {
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch) && --depth < 0) break;
  }
  if (depth !== 0) return `「${name}」的括号不配对`;
  if ([...name].length > 40) return `「${name}」太长，不像部门名称`;
  return undefined;
}

function parsePart(part: string): Assignment[] | string {
  const suffix = ROLE_SUFFIXES.find(([word]) => part.endsWith(word));
  const body = suffix ? part.slice(0, -suffix[0].length) : part;
  const segments = splitTopLevel(body, NAME_SEPARATORS);
  // 规章由政策法规司牵头、规范性文件由制发司(局)牵头: each segment carries its own 由…牵头.
  if (suffix?.[1] === 'lead' && part.includes('由')) {
    const scoped: Assignment[] = [];
    const pieces = splitTopLevel(part, NAME_SEPARATORS);
    for (const piece of pieces) {
      const match = /^(.+?)由(.+?)牵头(?:负责)?$/.exec(piece);
      if (!match) return `无法识别范围牵头「${piece}」`;
      const name = normalizeDepartmentName(match[2]!);
      const problem = checkName(name);
      if (problem) return problem;
      scoped.push({ name, role: 'lead', scope: match[1]!.trim() });
    }
    return scoped;
  }
  const role: Role = suffix ? suffix[1] : segments.length > 1 ? 'joint' : 'sole';
  const assignments: Assignment[] = [];
  for (const segment of segments) {
    const name = normalizeDepartmentName(segment);
    const problem = checkName(name);
    if (problem) return problem;
    assignments.push({ name, role });
  }
  return assignments;
}

/** Strips the brackets around a clause: (…), （…）, 〔…〕. */
export function unwrapClause(clause: string): string {
  const trimmed = clause.trim().replace(/[。.]$/, '');
  const match = /^[(（〔]([\s\S]*)[)）〕]$/.exec(trimmed);
  return (match ? match[1]! : trimmed).trim();
}

/**
 * Parses a responsibility clause (`政策法规司牵头,信息中心配合`) into assignments,
 * following the grammar in DOMAIN.md. Returns the reason when it cannot.
 */
export function parseResponsibility(clause: string): ParsedClause {
  const body = unwrapClause(clause);
  if (!body) return { ok: false, reason: '责任分工为空' };
  const assignments: Assignment[] = [];
  for (const part of splitTopLevel(body, PART_SEPARATORS)) {
    const parsed = parsePart(part);
    if (typeof parsed === 'string') return { ok: false, reason: parsed };
    assignments.push(...parsed);
  }
  return { ok: true, assignments };
}
