import { loadYamlValue as load } from '../read/load-yaml-value.js';

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

function readsBackAs(source: string, expected: string): boolean {
  try {
    return load(source) === expected;
  } catch {
    return false;
  }
}

/** A string as a YAML block-context scalar: plain when it reads back unchanged, else double-quoted. */
export function yamlScalar(text: string): string {
  const plain = text !== '' && !INDICATOR_START.test(text) && !/[\n\r\t]|: | #|\s$/.test(text) && readsBackAs(text, text);
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
