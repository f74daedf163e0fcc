import type { CommandContext } from '../command-context.js';
import { renderJson } from '../render/json.js';
import { ExitCode } from '../exit-code.js';
import { ledgerShape, registryShape } from '../schema/ledger-shape.js';
import { schemaDocument } from '../schema/to-json-schema.js';

/** The published JSON Schemas, generated from the definitions the loader checks with. */
export function jsonSchemaFor(which: 'ledger' | 'registry') {
  return which === 'ledger'
    ? schemaDocument(ledgerShape, 'https://gongkai.invalid/schema/ledger.schema.json', 'gongkai 台账')
    : schemaDocument(registryShape, 'https://gongkai.invalid/schema/registry.schema.json', 'gongkai 部门名录');
}

/** `gongkai schema [ledger|registry]` */
export async function schemaCommand(ctx: CommandContext, which: 'ledger' | 'registry'): Promise<ExitCode> {
  ctx.io.stdout(renderJson(jsonSchemaFor(which)));
  return ExitCode.Ok;
}
