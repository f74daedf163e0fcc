import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const SHIPPED_LEDGER = join(ROOT, 'data', 'ledger.yaml');
export const SHIPPED_REGISTRY = join(ROOT, 'data', 'departments.yaml');
export const NOTICE = join(ROOT, 'data', 'mca-2021-plan.txt');
export const BIN = join(ROOT, 'bin', 'gongkai.js');
