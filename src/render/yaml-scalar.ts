import { loadYamlValue as load } from '../read/load-yaml-value.js';

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

function readsBackAs(source: string, expected: string): boolean {
  try {
    return load(source) === expected;
  } catch {
    return false;
  }
}

/**
 * Starts with a CJK ideograph: no YAML 1.2 core-schema value (bool, null,
 * number, date) starts so, so the scalar reads back as the same string without
 * asking the parser (which costs ~30 µs a call on a 160,000-item import).
 */
const IDEOGRAPH_START = /^[\u3400-\u4dbf\u4e00-\u9fff]/;

/** A string as a YAML block-context scalar: plain when it reads back unchanged, else double-quoted. */
export function yamlScalar(text: string): string {
  const plain = text !== '' && !INDICATOR_START.test(text) && !/[\n\r\t]|: | #|\s$|:$/.test(text) && (IDEOGRAPH_START.test(text) || readsBackAs(text, text));
  return plain ? text : JSON.stringify(text);
}

/** A string as an item of a flow sequence `[a, b]`: also quoted when it holds , [ ] { }. */
export function yamlFlowScalar(text: string): string {
  return /[,[\]{}]/.test(text) ? JSON.stringify(text) : yamlScalar(text);
}

/** `[a, b]` */
export function yamlFlowList(values: readonly string[]): string {
  return `[${values.map(yamlFlowScalar).join(', ')}]`;
}
