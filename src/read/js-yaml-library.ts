let loaded: typeof import('js-yaml') | undefined;

/**
 * js-yaml, set up when first asked for: its module builds its schemas as it loads (0.5–1 ms of a cold view), and a
 * ledger laid out as gongkai writes it is read by the fast parser (parse-item-fast.ts) without it. Through the
 * module's own `require`, which the built command and the test runner both give, as node-crypto.ts does: an
 * import would set it up with the first module that names it.
 */
export function jsYaml(): typeof import('js-yaml') {
  return (loaded ??= require('js-yaml') as typeof import('js-yaml'));
}
