import { findDepartment } from '../model/department.js';
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
  const { registry, plan } = ledger;
  const issuer = plan.issuer && registry.organisation && plan.issuer.startsWith(registry.organisation) ? plan.issuer.slice(registry.organisation.length) : plan.issuer;
  const office = registry.departments.find((d) => d.coordinator) ?? (issuer ? findDepartment(registry, issuer) ?? (plan.issuer ? findDepartment(registry, plan.issuer) : undefined) : undefined);
  if (!office || (!office.contact && !office.phone)) return undefined;
  return { ...(office.contact ? { name: office.contact } : {}), ...(office.phone ? { phone: office.phone } : {}) };
}
