import { isDeepStrictEqual } from 'node:util';

/**
 * Whether two values read from YAML (objects, arrays, strings, numbers, booleans, null) are the same, as node's
 * isDeepStrictEqual says: that one loads node's comparison module (internal/util/comparisons) on its first call,
 * for every edit made through its item, which compares one item's value. Anything but plain objects and arrays
 * (another prototype) is left to isDeepStrictEqual.
 */
export function samePlainValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const proto = Object.getPrototypeOf(a) as unknown;
  if (proto !== Object.getPrototypeOf(b) || (proto !== Object.prototype && proto !== Array.prototype)) return isDeepStrictEqual(a, b);
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length || Object.keys(a).length !== a.length || Object.keys(other).length !== other.length) return isDeepStrictEqual(a, b);
    for (let i = 0; i < a.length; i++) if (!samePlainValue(a[i], other[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length || Object.getOwnPropertySymbols(a).length || Object.getOwnPropertySymbols(b).length) return isDeepStrictEqual(a, b);
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !samePlainValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
