import { findDepartment, type Department } from '../model/department.js';

/** The coordinating office: the department marked coordinator, else the one the plan's issuer names (民政部办公厅 → 办公厅). */
export function officeDepartment(ledger: Ledger): Department | undefined {
  const { registry, plan } = ledger;
  const coordinator = registry.departments.find((d) => d.coordinator);
  if (coordinator || !plan.issuer) return coordinator;
  const issuer = registry.organisation && plan.issuer.startsWith(registry.organisation) ? plan.issuer.slice(registry.organisation.length) : plan.issuer;
  return findDepartment(registry, issuer) ?? findDepartment(registry, plan.issuer);
}
import type { Ledger } from '../model/ledger.js';

/** The 联系人/电话 line of the office's letters: whom a department calls about them. */
export interface OfficeContact {
  name?: string;
  phone?: string;
}

/**
 * The sending office's contact, from the registry: the coordinating department
 * (coordinator: true), else the department the plan's issuer names (民政部办公厅 →
 * 办公厅, the organisation's name taken off); none when neither has a contact or phone.
 */
export function officeContact(ledger: Ledger): OfficeContact | undefined {
  const office = officeDepartment(ledger);
  if (!office || (!office.contact && !office.phone)) return undefined;
  return { ...(office.contact ? { name: office.contact } : {}), ...(office.phone ? { phone: office.phone } : {}) };
}
