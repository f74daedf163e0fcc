/** Readers for plain YAML values whose shape was already checked: a wrong type reads as empty, never throws. */
export type Raw = Record<string, unknown>;

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const asRecord = (value: unknown): Raw => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {});
export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const asStrings = (value: unknown): string[] => asArray(value).filter((v): v is string => typeof v === 'string');
