import { error, type Diagnostic } from '../../diagnostic.js';
import type { Item } from '../../model/ledger.js';
import { itemField, type CheckRule } from '../check-rule.js';

/** A part or sub-level in Chinese numerals only: 结转23 (carried over from last year) is not the plan's 23. */
const PART = /^(?:[(（]?[一二三四五六七八九十百〇零]+[)）]?)*(\d+)(?:\.\d+)*$/;

/** The Arabic number an item number stands for (see below); undefined when it has none. */
function arabicNumber(number: string): number | undefined {
  // Digits only, as almost every number is: read without the pattern (a 100,000-item ledger asks 100,000 times).
  let digits = number.length > 0 && number.length < 16;
  for (let i = 0; digits && i < number.length; i++) {
    const c = number.charCodeAt(i);
    digits = c >= 48 && c <= 57;
  }
  if (digits) return Number(number);
  const part = PART.exec(number);
  return part ? Number(part[1]) : undefined;
}

/**
 * Item numbers are unique and their Arabic numbers continuous (1, 2, 3 …). A task a table splits into
 * parts under one 序号 (3.1, 3.2) stands for its number, and so does one the importer prefixed with its
 * part or sub-level ((一)1, 一2): 1, 2, 3.1, 3.2, 4 and (一)1, (一)2, 3 are continuous.
 */
export const itemNumbers: CheckRule = ({ ledger }) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Item>();
  const whole: { value: number; item: Item }[] = [];
  for (const item of ledger.items) {
    const first = seen.get(item.number);
    if (first) {
      out.push(error('DUPLICATE_NUMBER', `编号「${item.number}」重复：第${first.section}部分已有编号为 ${item.number} 的任务`, itemField(ledger, item, 'number')));
      continue;
    }
    seen.set(item.number, item);
    const value = arabicNumber(item.number);
    if (value !== undefined) whole.push({ value, item });
  }
  // A stable sort keeps each number's first item first: the one a gap is reported at, as when each was counted once.
  whole.sort((a, b) => a.value - b.value);
  let expected = 1;
  for (let k = 0; k < whole.length; k++) {
    const { value, item } = whole[k]!;
    if (k > 0 && whole[k - 1]!.value === value) continue;
    if (value > expected) {
      const gap = value - 1 === expected ? `${expected}` : `${expected}–${value - 1}`;
      out.push(error('MISSING_NUMBER', `缺少编号 ${gap}：编号应连续，${expected - 1 || '开头'}之后是 ${value}`, itemField(ledger, item, 'number')));
    }
    expected = value + 1;
  }
  return out;
};
