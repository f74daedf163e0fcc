import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { withOfficeProfile } from '../helpers/office-profile.js';

/**
 * Converts documents (.docx, .xlsx: each printed by its own LibreOffice module) to PDF with LibreOffice headless,
 * in one run, with a profile of its own (tests/helpers/office-profile.ts). Their names must differ without the extension.
 */
export function officeToPdf(files: string[], outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  withOfficeProfile(outDir, (profile) => execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 120_000 }));
  return files.map((f) => join(outDir, basename(f).replace(/\.(docx|xlsx)$/i, '.pdf')));
}

/** The PDF's text, in reading order. */
export const pdfText = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

/** The share of dark pixels on each page, from greyscale images pdftoppm draws at 30 dpi. */
export function inkPerPage(pdf: string, outDir: string): number[] {
  const prefix = join(outDir, basename(pdf, '.pdf') + '-page');
  execFileSync('pdftoppm', ['-gray', '-r', '30', pdf, prefix]);
  const pages = readdirSync(outDir).filter((f) => f.startsWith(basename(prefix)) && f.endsWith('.pgm')).sort();
  return pages.map((page) => {
    const bytes = readFileSync(join(outDir, page));
    // A binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 40).toString('latin1'))!;
    const pixels = bytes.subarray(header[0].length);
    let dark = 0;
    for (const p of pixels) if (p < 128) dark++;
    return dark / pixels.length;
  });
}

/** One part of a .docx (word/styles.xml, word/document.xml…) as text. */
export function docxPart(file: string, part: string): string {
  const entries = unzipSync(readFileSync(file), { filter: (f) => f.name === part });
  if (!entries[part]) throw new Error(`${file} has no ${part}`);
  return strFromU8(entries[part]);
}
