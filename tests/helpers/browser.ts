import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { findTool, toolAvailable } from './tools.js';

/** Debian's chromium, when installed (scripts/install-test-tools.sh installs it). */
export const CHROMIUM = findTool('chromium');
/** True when the browser tests can run; says so loudly (and fails in CI) when they cannot. */
export const hasBrowser = toolAvailable('chromium', 'apt-get install -y chromium fonts-noto-cjk');

/** A headless Chromium from the system's package, driven by playwright-core (its own browser downloads are not used). */
export async function launchBrowser(): Promise<Browser> {
  // Required, not imported: an ESM import of this CommonJS package has node scan its 3.6 MB bundle for its export
  // names first (cjs-module-lexer), about 0.25 s of CPU of the 0.55 s the import costs.
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox', '--font-render-hinting=none'] });
}
