import { isDeadlineWords } from './deadline.js';
import { readsAsClause } from './reads-as.js';
import { splitTopLevel } from './split-names.js';
import { toSimplified } from './traditional.js';
import type { FoundClause } from './found-clause.js';

/**
 * A role verb with the task as its object: `A会同B负责做好…`, `各单位分别负责本单位…`,
 * `各业务处按职责分工负责本处室…`. Group 1 the subject, 2 the verb. The object must not
 * make the verb part of a noun (负责人, 牵头单位, 负责的…).
 */
const SUBJECT_VERB = /^(.+?)((?:按照?|根据|依据)(?:各自)?职[责能](?:分工)?(?:分别)?负责|(?:分别|共同|具体)负责|牵头负责|负总责|负责|(?:分别)?牵头)(?!人|同志|的|任|制|单位|部门|处室|科室|司局|领导|机制|[,，。;；]|$)/;

/** A part that is a sentence's subject, its role verb and the task: the subject and verb (`各单位分别负责`), or undefined. */
function subjectWithVerb(part: string): string | undefined {
  const m = SUBJECT_VERB.exec(part.trim());
  if (!m || /^由|由/.test(m[1]!)) return undefined;
  const clause = `${m[1]}${m[2]}`;
  return readsAsClause(clause) ? clause : undefined;
}

/**
 * A clause said as a sentence's subject and verb, with the task as the object and no 由
 * (`…，A会同B负责做好某某工作，持续推进`; `A牵头，各单位分别负责本单位…，长期坚持`):
 * the subject's part, with the clause parts around it in its sentence and the deadline parts
 * after them. The words stay the item's whole text (the task is said in them).
 */
export function subjectClause(words: string): FoundClause | undefined {
  const body = words.replace(/[\s。;；]+$/u, '');
  const reading = toSimplified(body).length === body.length ? toSimplified(body) : body;
  for (const sentence of splitTopLevel(reading, new Set(['。', ';', '；']))) {
    const parts = splitTopLevel(sentence, new Set([',', '，']));
    const at = parts.findIndex((p) => subjectWithVerb(p) !== undefined);
    if (at < 0) continue;
    let from = at;
    while (from > 0 && readsAsClause(parts[from - 1]!)) from--;
    const clause: string[] = parts.slice(from, at);
    let i = at;
    for (; i < parts.length; i++) {
      const own = readsAsClause(parts[i]!) ? parts[i]! : subjectWithVerb(parts[i]!);
      if (!own) break;
      clause.push(own);
    }
    for (; i < parts.length && isDeadlineWords(parts[i]!); i++) clause.push(parts[i]!);
    const joined = clause.join('，');
    if (readsAsClause(joined)) return { text: body, clause: joined };
  }
  return undefined;
}
