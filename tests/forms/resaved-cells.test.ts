import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { withoutStyleOnlyCells } from '../../src/read/read-form.js';
import { fillForm } from '../helpers/fill-form.js';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOfTemplate } from '../helpers/temp.js';

const SHEET = 'xl/worksheets/sheet1.xml';

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
function columnName(n: number): string {
  let name = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * The form's 填报 sheet with a style-only cell (`<c r="BZ5" s="1"/>`) after each row's last cell, out to column `last`,
 * as gnumeric writes one for every column of a formatted row when it re-saves a workbook (out to XFD, the 16,384th:
 * here fewer, of the same kind). Each is written on a line of its own, as gnumeric does.
 */
function withStyleOnlyCells(bytes: Buffer, last = 78): Buffer {
  const parts = unzipSync(bytes);
  const xml = strFromU8(parts[SHEET]!);
  const numberOf = (name: string) => [...name].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const padded = xml.replace(/<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g, (_, row: string, attributes: string, cells: string) => {
    const refs = [...cells.matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => numberOf(m[1]!));
    const from = Math.max(0, ...refs) + 1;
    const more = Array.from({ length: Math.max(0, last - from + 1) }, (_, i) => `\n      <c r="${columnName(from + i)}${row}" s="1"/>`).join('');
    return `<row r="${row}"${attributes}>${cells}${more}</row>`;
  });
  expect(padded.length).toBeGreaterThan(xml.length);
  parts[SHEET] = strToU8(padded);
  return Buffer.from(zipSync(parts));
}

type Copy = { ledger: string; form: string };

/** A folder with the shipped ledger and 信息中心's form, made once per test run and copied. */
async function withForm(): Promise<Copy> {
  const dir = await copyOfTemplate('resaved-cells', async (dir) => {
    writeFileSync(join(dir, 'ledger.yaml'), readFileSync(SHIPPED_LEDGER, 'utf8').replace(/^departments: .*$/m, 'departments: departments.yaml'));
    writeFileSync(join(dir, 'departments.yaml'), readFileSync(SHIPPED_REGISTRY));
    const forms = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'forms', '-o', dir, '--dept', '信息中心', '--as-of', '2021-10-09']);
    expect(forms.code, forms.err).toBe(0);
  });
  return { ledger: join(dir, 'ledger.yaml'), form: join(dir, '信息中心.xlsx') };
}

/**
 * A form re-saved by gnumeric is collected in tests/forms/coordinator-loop.test.ts and postpone-and-master.test.ts
 * (its answers, its request to postpone): here what the workbook reader is given, and the cells a mistake is named by.
 */
describe('a form re-saved with a style-only cell in every column', () => {
  it('reaches the workbook reader with only the cells that hold something', async () => {
    const { form } = await withForm();
    const padded = withStyleOnlyCells(readFileSync(form));
    const cells = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)[SHEET]!).match(/<c [^>]*?(\/?)>/g)!;
    expect(cells(padded).filter((c) => c.endsWith('/>')).length).toBeGreaterThan(500);
    const kept = cells(withoutStyleOnlyCells(padded));
    expect(kept.filter((c) => c.endsWith('/>'))).toEqual([]);
    expect(kept).toEqual(cells(padded).filter((c) => !c.endsWith('/>')));
    // A workbook with none is handed on as it came, byte for byte.
    const plain = Buffer.from(zipSync({ [SHEET]: strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c></row></sheetData></worksheet>') }));
    expect(withoutStyleOnlyCells(plain)).toBe(plain);
  });

  it('names a mistake by the same cell as the form as written', async () => {
    const [asWritten, resaved] = [await withForm(), await withForm()];
    await fillForm(asWritten.form, { '22': { 状态: '完成了' }, '23': { 状态: '已完成', 完成日期: '下周' } });
    writeFileSync(resaved.form, withStyleOnlyCells(readFileSync(asWritten.form)));
    const collect = async (copy: Copy) => {
      const result = await runCli(['--ledger', copy.ledger, 'collect', copy.form, '--on', '2021-10-12']);
      const named = (text: string) => text.replaceAll(copy.form, '信息中心.xlsx');
      return { code: result.code, out: named(result.out), err: named(result.err), ledger: readFileSync(copy.ledger, 'utf8') };
    };
    const expected = await collect(asWritten);
    expect(expected.code).toBe(2);
    expect(expected.err).toMatch(/信息中心\.xlsx:填报!G\d+: 错误\[FORM_ENTRY_INVALID\] 「完成了」不是可选的状态/);
    expect(expected.err).toMatch(/信息中心\.xlsx:填报!H\d+: 错误\[FORM_ENTRY_INVALID\] 「下周」不是日期/);
    expect(await collect(resaved)).toEqual(expected);
  });
});
