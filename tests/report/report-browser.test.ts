import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';

const LEDGER = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
const AS_OF = ['--as-of', '2021-10-08'];
/** The A4 text width (184 mm) in CSS pixels. */
const A4_TEXT_WIDTH = Math.round((184 / 25.4) * 96);
/** The viewport the report is first laid out in, and is given back after each test that changes it. */
const VIEWPORT = { width: 900, height: 1200 };

/**
 * One Chromium and one page for every test: each further page is a renderer process of its own (about 0.7 s of CPU),
 * so a test that needs another width or the print media resizes this page (the report has no script: it is laid out
 * again for the new size as it would be in a new page) and gives the viewport back.
 */
describe.runIf(hasBrowser)('report in a real Chromium', () => {
  let browser: Browser;
  let page: Page;
  let html: string;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-'));

  beforeAll(async () => {
    const file = join(dir, '报告.html');
    const made = await runCli(['report', '--ledger', LEDGER, ...AS_OF, '-o', file]);
    expect(made.code, made.err).toBe(0);
    html = readFileSync(file, 'utf8');
    url = pathToFileURL(file).href;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
  }, 60_000);

  /** What `measure` finds with the page laid out at `viewport`; the page gets its first viewport back after. */
  async function atViewport<T>(viewport: { width: number; height: number }, measure: () => Promise<T>): Promise<T> {
    await page.setViewportSize(viewport);
    try {
      return await measure();
    } finally {
      await page.setViewportSize(VIEWPORT);
    }
  }

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads with no console error and makes no request but for the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(html).not.toMatch(/<script|<link|@import|url\(|\bsrc=/i);
  });

  it('shows the same numbers as `status --format json`', async () => {
    const status = JSON.parse((await runCli(['status', '--format', 'json', '--ledger', LEDGER, ...AS_OF])).out);
    const figures = Object.fromEntries(await page.$$eval('[data-figure]', (els) => els.map((e) => [e.getAttribute('data-figure'), e.textContent])));
    const t = status.totals;
    expect(figures).toEqual({
      items: String(t.items),
      done: String(t.by_status.done),
      in_progress: String(t.by_status.in_progress),
      overdue: String(t.overdue),
      due_soon: String(t.due_soon),
      completion: `${Math.round(t.completion * 100)}%`,
    });
    // A department's overdue and due-soon counts are those it is listed with in `overdue` (the items it answers for; 配合 is not listed).
    const late = JSON.parse((await runCli(['overdue', '--format', 'json', '--ledger', LEDGER, ...AS_OF])).out);
    const listed = (kind: 'overdue' | 'due_soon', name: string) => (late[kind] as { owner: string; unassigned: boolean; items: unknown[] }[]).find((g) => g.owner === name && !g.unassigned)?.items.length ?? 0;
    const rows = await page.$$eval('tr[data-dept]', (trs) =>
      trs.map((tr) => ({ name: tr.getAttribute('data-dept'), ...Object.fromEntries([...tr.querySelectorAll('[data-key]')].map((td) => [td.getAttribute('data-key'), td.textContent])) })),
    );
    expect(rows).toEqual(
      status.departments.map((d: { name: string; items: number; by_status: Record<string, number>; overdue: number; due_soon: number; completion: number | null }) => ({
        name: d.name,
        items: String(d.items),
        done: String(d.by_status.done),
        in_progress: String(d.by_status.in_progress),
        not_started: String(d.by_status.not_started),
        overdue: String(listed('overdue', d.name)),
        due_soon: String(listed('due_soon', d.name)),
        completion: d.completion === null ? '—' : `${Math.round(d.completion * 100)}%`,
      })),
    );
    // The overdue section lists exactly what `overdue --format json` does (the same run).
    const shown = await page.$$eval('section[data-category="overdue"]', (ss) => ss.map((s) => `${s.getAttribute('data-owner')}:${[...s.querySelectorAll('tr[data-item]')].map((tr) => tr.getAttribute('data-item')).join(',')}`));
    expect(shown).toEqual(late.overdue.map((g: { owner: string; items: { number: string }[] }) => `${g.owner}:${g.items.map((i) => i.number).join(',')}`));
  });

  it('draws its charts inline: one bar per department', async () => {
    expect(await page.$$eval('svg.chart', (svgs) => svgs.length)).toBe(2);
    expect(await page.$$eval('svg.chart .bar-row', (rows) => rows.length)).toBe(15);
  });

  it('takes a screenshot that is not blank', async () => {
    const png = await page.screenshot();
    // Decoded by the browser itself, in the report's page (a detached image and canvas, the page's layout untouched; a
    // blank page of its own would cost a renderer process): how much of the picture is not white, and in how many colours.
    const { inked, colours } = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      const pixels = g.getImageData(0, 0, image.width, image.height).data;
      let inked = 0;
      const seen = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i]! < 240 || pixels[i + 1]! < 240 || pixels[i + 2]! < 240) inked++;
        seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      }
      return { inked: inked / (pixels.length / 4), colours: seen.size };
    }, png.toString('base64'));
    expect(inked).toBeGreaterThan(0.05);
    expect(colours).toBeGreaterThan(50);
  });

  it('keeps every date in its tables on one line, on a phone-wide screen and at the A4 print width', async () => {
    for (const width of [360, A4_TEXT_WIDTH]) {
      const { dates, broken } = await atViewport({ width, height: 800 }, () =>
        page.evaluate(() => {
          const found = { dates: 0, broken: [] as string[] };
          for (const cell of document.querySelectorAll('td')) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const m of node.textContent!.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
                found.dates++;
                const range = document.createRange();
                range.setStart(node, m.index!);
                range.setEnd(node, m.index! + m[0].length);
                // One line: every box of the date's characters on the same line top.
                if (new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size > 1) found.broken.push(m[0]);
              }
            }
          }
          return found;
        }),
      );
      expect(dates, `${width}px`).toBeGreaterThan(2);
      expect(broken, `${width}px`).toEqual([]);
    }
  });

  it('prints to A4 PDF: the overview on the first page, the tables on the second', async () => {
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages).toHaveLength(2);
    // A4 is 595 × 842 points.
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) {
      expect(Math.abs(w! - 595)).toBeLessThanOrEqual(1);
      expect(Math.abs(h! - 842)).toBeLessThanOrEqual(1);
    }
    // Laid out for print at the A4 text width (184 mm), the overview ends above the first page's bottom margin (297 − 30 mm).
    await page.emulateMedia({ media: 'print' });
    const overviewBottom = await atViewport({ width: A4_TEXT_WIDTH, height: 1200 }, () => page.$eval('.page-break', (el) => el.getBoundingClientRect().top)).finally(() =>
      page.emulateMedia({ media: null }),
    );
    expect(overviewBottom).toBeLessThan((267 / 25.4) * 96);
  });
});
