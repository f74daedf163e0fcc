import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadYamlValue as load } from '../../src/read/load-yaml-value.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFor } from '../../src/commands/schema.js';
import { FIXTURES, ROOT, SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';

/** The published schema compiled by Ajv, once per schema for the tests below (a compile costs about a tenth of a second). */
const compiled = new Map<'ledger' | 'registry', ReturnType<Ajv2020['compile']>>();
function validator(which: 'ledger' | 'registry') {
  let validate = compiled.get(which);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema', `${which}.schema.json`), 'utf8')));
    compiled.set(which, validate);
  }
  return validate;
}

describe('the published JSON Schema', () => {
  it('is up to date with the definition the loader checks with (npm run schema)', () => {
    for (const which of ['ledger', 'registry'] as const) {
      const committed = JSON.parse(readFileSync(join(ROOT, 'schema', `${which}.schema.json`), 'utf8'));
      expect(committed).toEqual(jsonSchemaFor(which));
    }
  });

  it('accepts the shipped ledger and registry', () => {
    const ledger = validator('ledger');
    expect(ledger(load(readFileSync(SHIPPED_LEDGER, 'utf8'))), JSON.stringify(ledger.errors)).toBe(true);
    const registry = validator('registry');
    expect(registry(load(readFileSync(SHIPPED_REGISTRY, 'utf8'))), JSON.stringify(registry.errors)).toBe(true);
  });

  it('rejects broken ledgers that the loader rejects for their shape', () => {
    const ledger = validator('ledger');
    for (const name of ['unknown-key', 'bad-status', 'number-not-string', 'missing-field', 'bad-date-format', 'wrong-type']) {
      const value = load(readFileSync(join(FIXTURES, 'ledgers', 'broken', `${name}.yaml`), 'utf8'));
      expect(ledger(value), name).toBe(false);
    }
  });

  it('is named by the shipped ledger for editors', () => {
    expect(readFileSync(SHIPPED_LEDGER, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/ledger.schema.json');
  });
});
