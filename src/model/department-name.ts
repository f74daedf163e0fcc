/**
 * Half-width parentheses and no spaces, so one body has one spelling in the ledger. 〔〕 inside a
 * name is how a typesetter writes brackets within brackets (`（各县〔市、区〕政府负责）`): the same ().
 */
export function normalizeDepartmentName(name: string): string {
  let normal = normalNames.get(name);
  if (normal === undefined) {
    normal = name.replace(/[（〔]/g, '(').replace(/[）〕]/g, ')').replace(/\s+/g, '');
    normalNames.set(name, normal);
  }
  return normal;
}

const normalNames = new Map<string, string>();
