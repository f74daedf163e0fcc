// Regenerates docs/report.png: the leaders' report on the shipped ledger with
// some progress (tests/fixtures/ledgers/mca-progress.yaml), as of 2021-10-08,
// opened in Debian's chromium. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gongkai-shot-'));
try {
  const html = join(dir, '报告.html');
  execFileSync(process.execPath, [join(root, 'bin', 'gongkai.js'), 'report', '--ledger', join(root, 'tests', 'fixtures', 'ledgers', 'mca-progress.yaml'), '--as-of', '2021-10-08', '-o', html], { stdio: 'inherit' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--font-render-hinting=none'] });
  const page = await browser.newPage({ viewport: { width: 860, height: 1130 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(html).href);
  await page.screenshot({ path: join(root, 'docs', 'report.png') });
  await browser.close();
  console.log('docs/report.png');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
