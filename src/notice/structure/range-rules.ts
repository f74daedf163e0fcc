import { foldWidth, numeralValue } from '../text.js';
import type { RawUnit } from './raw-unit.js';

/**
 * A sentence that gives a clause to items named by their numbers (F6 written
 * after the items): `上述第（四）至（六）项由A牵头，B配合，第三季度完成。`,
 * `以上第1、2项工作由A负责。` It stands on a line of its own, so it is read as
 * the last words of the item above it; it is taken off that item and becomes a
 * heading clause of the items it names — which, like any heading clause, covers
 * only those with no clause of their own.
 */

const NUMBER = '[一二三四五六七八九十]{1,3}|\\d{1,3}';
const ONE = `第?\\s*[(（]?\\s*(?:${NUMBER})\\s*[)）]?\\s*项?`;
const RANGE_RULE = new RegExp(`^\\s*(?:上述|以上|前述|前面)?\\s*(${ONE}(?:\\s*(?:至|到|—|－|-|～|~|、|和|及)\\s*${ONE})+)\\s*(?:工作|任务|事项)?\\s*[,，]?\\s*(由[^\\n]+)$`);

/** The numbers a rule names: a range (四至六) or a list (1、2). */
function namedNumbers(span: string): number[] | undefined {
  const values = [...span.matchAll(new RegExp(NUMBER, 'g'))].map((m) => (/\d/.test(m[0]) ? Number(m[0]) : numeralValue(m[0])));
  if (values.some((v) => !v)) return undefined;
  const numbers = values as number[];
  if (/至|到|—|－|-|～|~/.test(span)) {
    if (numbers.length !== 2 || numbers[1]! < numbers[0]! || numbers[1]! - numbers[0]! > 50) return undefined;
    return Array.from({ length: numbers[1]! - numbers[0]! + 1 }, (_, i) => numbers[0]! + i);
  }
  return numbers;
}

/** The value of a unit's own number, its last marker: `(四)` → 4, `二3` → 3. */
function lastNumber(unit: RawUnit): number | undefined {
  const m = /(?:\(([一二三四五六七八九十]{1,3})\)|(\d{1,3}))$/.exec(foldWidth(unit.number));
  if (!m) return undefined;
  return m[1] ? numeralValue(m[1]) : Number(m[2]);
}

/**
 * Takes range rules off the units that carry them and puts each rule's clause
 * first among the headings of the units it names (the nearest above it with
 * those numbers, in the same section). Returns the units, changed where a rule was found.
 */
export function applyRangeRules(units: RawUnit[]): RawUnit[] {
  const out = [...units];
  out.forEach((unit, index) => {
    const lines = unit.content.split('\n');
    const at = lines.findIndex((line, i) => i > 0 && RANGE_RULE.test(foldWidth(line)));
    if (at < 0) return;
    const rule = RANGE_RULE.exec(foldWidth(lines[at]!))!;
    const numbers = namedNumbers(rule[1]!);
    if (!numbers) return;
    const clause = lines[at]!.trim().slice(foldWidth(lines[at]!.trim()).length - rule[2]!.length);
    out[index] = { ...unit, content: lines.filter((_, i) => i !== at).join('\n') };
    for (const n of numbers) {
      for (let k = index; k >= 0; k--) {
        const named = out[k]!;
        if (named.section !== unit.section) break;
        if (lastNumber(named) !== n) continue;
        out[k] = { ...named, headings: [clause, ...named.headings] };
        break;
      }
    }
  });
  return out;
}
