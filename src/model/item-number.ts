/**
 * Item numbers in spreadsheets, written by the xlsx renderers and read back by
 * the form reader: one encoding, known once.
 */

/**
 * An item number as a cell: 12 is the number 12; 1.10 (the tenth of part 1) is
 * the number 1.010 — so it sorts after 1.9 (1.009), as numbering runs, where
 * 1.10 as a decimal would equal 1.1 — shown through a format that is the
 * number as written ("1.10"). Anything else (一, A3) stays text.
 */
export function itemNumberCell(number: string): { value: number; numFmt: string } | undefined {
  // No leading zeros (01 would show as 1): such numbers stay text.
  if (!/^(0|[1-9]\d{0,5})(\.(0|[1-9]\d{0,2})){0,3}$/.test(number)) return undefined;
  const [whole, ...parts] = number.split('.');
  if (!parts.length) return { value: Number(whole), numFmt: '0' };
  const value = parts.reduce((sum, part, i) => sum + Number(part) / 1000 ** (i + 1), Number(whole));
  return { value, numFmt: `"${number}"` };
}

/** The item number a cell written by itemNumberCell stands for, among the given numbers (a key is unique to its number). */
export function itemNumberFromKey(value: number, numbers: Iterable<string>): string | undefined {
  for (const number of numbers) {
    const cell = itemNumberCell(number);
    if (cell && Math.abs(cell.value - value) < 1e-9) return number;
  }
  return undefined;
}
