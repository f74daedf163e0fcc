import type { Browser } from 'playwright-core';
import { findTool, toolAvailable } from './tools.js';

/** Debian's chromium, when installed (scripts/install-test-tools.sh installs it). */
export const CHROMIUM = findTool('chromium');
/** True when the browser tests can run; says so loudly (and fails in CI) when they cannot. */
export const hasBrowser = toolAvailable('chromium', 'apt-get install -y chromium fonts-noto-cjk');

/** A headless Chromium from the system's package, driven by playwright-core (its own browser downloads are not used). */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox', '--font-render-hinting=none'] });
}
