/** How a department answers for an item (see DOMAIN.md, "The responsibility clause"). */
export type Role = 'lead' | 'joint' | 'sole' | 'cooperate';

/** Roles in report order: accountable roles first. */
export const ROLES: readonly Role[] = ['lead', 'joint', 'sole', 'cooperate'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  lead: '牵头',
  joint: '按职责分工负责',
  sole: '负责',
  cooperate: '配合',
};

/** Roles that make a department accountable for the item (not 配合). */
export function isAccountable(role: Role): boolean {
  return role !== 'cooperate';
}

/** One department (or group) named in one role of an item's clause. */
export interface Assignment {
  /** The name as written: a department, one of its aliases, or a group. */
  name: string;
  role: Role;
  /** For scoped leads (`规章由政策法规司牵头`): the part of the work, e.g. 规章. */
  scope?: string;
  /** Where it is written inside its item (e.g. ['lead', 0, 'dept']); set when read from a ledger. */
  at?: (string | number)[];
}
