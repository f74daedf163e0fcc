import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of gongkai's own package.json, whether running bundled (dist/) or from src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The published JSON Schema of the ledger. */
export function ledgerSchemaFile(): string {
  return join(packageRoot(), 'schema', 'ledger.schema.json');
}
