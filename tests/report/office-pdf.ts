import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { withOfficeProfile } from '../helpers/office-profile.js';

/** The setting that tells LibreOffice which version last ran with a profile: here one later than any. */
const LAST_VERSION = '<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.9</value></prop></item>';

/**
 * Runs LibreOffice headless (`soffice` with `args`) with a profile of its own in `dir` (tests/helpers/office-profile.ts),
 * marked as last run by a later LibreOffice. Without that mark (a profile made by converting documents never gets it)
 * each start takes itself for the first after an upgrade and runs LibreOffice's graphics render tests: about 3 s of
 * CPU, more than the start and the conversions together.
 */
export function runOffice(dir: string, args: string[]): void {
  withOfficeProfile(dir, (userInstallation) => {
    const registry = join(userInstallation.replace(/^-env:UserInstallation=file:\/\//, ''), 'user', 'registrymodifications.xcu');
    if (!existsSync(registry)) {
      mkdirSync(dirname(registry), { recursive: true });
      writeFileSync(registry, `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n</oor:items>\n`);
    }
    const settings = readFileSync(registry, 'utf8');
    if (!settings.includes('"ooSetupLastVersion"')) writeFileSync(registry, settings.replace('</oor:items>', `${LAST_VERSION}\n</oor:items>`));
    execFileSync('soffice', [userInstallation, '--headless', ...args], { stdio: 'pipe', timeout: 120_000 });
  });
}

/**
 * Converts documents (.docx, .xlsx: each printed by its own LibreOffice module) to PDF with LibreOffice headless,
 * in one run. Their names must differ without the extension.
 */
export function officeToPdf(files: string[], outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  runOffice(outDir, ['--convert-to', 'pdf', '--outdir', outDir, ...files]);
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
