import type { Department } from '../model/department.js';
import type { ViewContext } from '../query/view-context.js';
import { departmentOption } from '../typed-input.js';
import type { Diagnostic } from '../diagnostic.js';

/** The department named by --dept (a unique shortening is accepted with a note), or a user error listing candidates (exit 2). */
export function requireDepartment(context: ViewContext, name: string, notes: Diagnostic[]): Department {
  return departmentOption(context.ledger.registry, name, (note) => notes.push(note));
}
