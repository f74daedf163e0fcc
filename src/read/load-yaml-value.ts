import { jsYaml } from './js-yaml-library.js';
import { parseDocumentFast } from './parse-item-fast.js';

/** An anchor (`&name`) anywhere in the text: aliases may then multiply what a walk over the value visits. */
const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]/m;

/**
 * Parses YAML 1.2 with the core schema, so 2021-12-31 stays a string. A document
 * laid out as gongkai writes its files (a block mapping at the top, comment
 * lines at column 0: a ledger's skeleton, a department registry, gongkai.yaml)
 * is read by the fast parser (parse-item-fast.ts), which gives what js-yaml
 * gives (tests/read/parse-document-fast.test.ts); js-yaml was most of a cold
 * view's parse of the shipped ledger. Anything else goes to jsYamlValue.
 */
export function loadYamlValue(text: string): unknown {
  const fast = parseDocumentFast(text);
  return fast !== undefined ? fast : jsYamlValue(text);
}

/**
 * js-yaml 4's reading, the reference the fast parser must equal. On a 10,000-item ledger it takes 0.24 s
 * where `yaml` takes 1.8 s, and peaks at 91 MB where js-yaml 5 peaks at 139 MB. Throws on anything it
 * refuses, and on anchors, which the careful parser handles with a bound on alias expansion.
 */
export function jsYamlValue(text: string): unknown {
  if (ANCHOR.test(text)) throw new Error('anchors: use the careful parser');
  const { CORE_SCHEMA, load } = jsYaml();
  return load(text, { schema: CORE_SCHEMA }) ?? null;
}
