import { parseResponsibility, splitTopLevel, unwrapClause } from './grammar.js';
import { looksLikeName } from './names.js';
import { toSimplified } from './traditional.js';

/** Where a unit's clause was found in its words. */
export interface FoundClause {
  /** The unit's words without the clause (when the clause ended them). */
  text: string;
  /** The clause(s), verbatim, without brackets; several joined with `；`. */
  clause: string;
  /** Why the clause's place is uncertain (glued to the text): the unit is flagged. */
  doubt?: string;
}

const OPENERS: Record<string, string> = { ')': '(', '）': '（', '〕': '〔' };

/** Splits an item's text from its trailing responsibility clause `(…)` or `〔…〕` (also before a final 。). */
export function splitClause(segment: string): { text: string; clause: string } | undefined {
  const trimmed = segment.replace(/[\s|。;；]+$/u, '');
  const last = trimmed[trimmed.length - 1];
  if (!last || !OPENERS[last]) return undefined;
  const closers = new Set([last]);
  const openers = new Set([OPENERS[last]]);
  // Also count the other width of round brackets: web copies mix （ and ).
  if (last === ')' || last === '）') {
    ['(', '（'].forEach((c) => openers.add(c));
    [')', '）'].forEach((c) => closers.add(c));
  }
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i]!;
    if (closers.has(ch)) depth++;
    else if (openers.has(ch) && --depth === 0) {
      return { text: trimmed.slice(0, i).trim(), clause: unwrapClause(trimmed.slice(i)) };
    }
  }
  return undefined;
}

const ROLE_WORD = /牵头|负责|配合|落实|协办|协助|参与|会同/;

/** A clause that reads fully: every name looks like a name, and at least one role word or label. */
export function readsAsClause(words: string): boolean {
  if (!ROLE_WORD.test(toSimplified(words)) && !/单位[:：]/.test(toSimplified(words))) return false;
  const parsed = parseResponsibility(words);
  return parsed.ok && parsed.unsure.length === 0;
}

/**
 * Bracketed clauses inside the text, each closing its own sentence:
 * `…公开预算(财务处负责)。…公开决算(审计处负责)。` — several clauses in one unit.
 */
function innerClauses(text: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '（' || ch === '〔') {
      if (depth++ === 0) start = i;
    } else if ((ch === ')' || ch === '）' || ch === '〕') && depth > 0 && --depth === 0) {
      const after = text[i + 1];
      if (after === '。' || after === ';' || after === '；') {
        const inner = text.slice(start + 1, i);
        if (readsAsClause(inner)) found.push(inner.trim());
      }
    }
  }
  return found;
}

/**
 * A clause with no brackets at the end of the words: after the last full stop
 * (`…动态更新。办公室牵头,各有关处室配合`), as a sentence (`此项工作由…负责,…配合。`),
 * or glued to the text (`…等信息审批处牵头,…配合`): then the first name is cut
 * off the text only where a known name fits, else the unit is flagged.
 */
function unbracketed(words: string, knownNames: ReadonlySet<string>): FoundClause | undefined {
  const body = words.replace(/[\s。;；]+$/u, '');
  const reading = toSimplified(body).length === body.length ? toSimplified(body) : body;
  // Top-level parts of the words, as [start, end) offsets.
  const bounds: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < reading.length; i++) {
    const ch = reading[i]!;
    if ('(（〔[【'.includes(ch)) depth++;
    else if (')）〕]】'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ',，;；'.includes(ch)) {
      bounds.push([start, i]);
      start = i + 1;
    }
  }
  bounds.push([start, reading.length]);
  let clauseStart = -1;
  let doubt: string | undefined;
  for (let i = bounds.length - 1; i >= 0; i--) {
    const [from, to] = bounds[i]!;
    const part = reading.slice(from, to);
    const notLast = i < bounds.length - 1;
    const sentence = part.lastIndexOf('。');
    if (sentence < 0 && (readsAsClause(part) || (notLast && clauseStart >= 0 && isNameList(part)))) {
      clauseStart = from;
      continue;
    }
    // The text runs into this part: the clause starts after its full stop, or at a known name.
    const tailFrom = sentence >= 0 ? from + sentence + 1 : from;
    const tail = reading.slice(tailFrom, to);
    if (sentence >= 0 && tail.trim() && (readsAsClause(tail) || (notLast && clauseStart >= 0 && isNameList(tail.trim())))) clauseStart = tailFrom;
    else if (ROLE_WORD.test(tail)) {
      const cut = knownNameCut(tail, knownNames);
      if (cut >= 0) clauseStart = tailFrom + cut;
      else if (clauseStart >= 0 || readsAsRoleTail(tail)) doubt = `责任分工与正文连在一起（「…${tail.slice(-16)}」），无法确定从哪里开始`;
    }
    break;
  }
  if (clauseStart < 0) return doubt ? { text: body, clause: '', doubt } : undefined;
  const clause = body.slice(clauseStart).trim();
  if (!readsAsClause(clause)) return doubt ? { text: body, clause: '', doubt } : undefined;
  return { text: body.slice(0, clauseStart).replace(/[,，;；\s]+$/u, '').trim(), clause, ...(doubt ? { doubt } : {}) };
}

function isNameList(part: string): boolean {
  const names = splitTopLevel(part, new Set(['、']));
  return names.every((n) => looksLikeName(n.replace(/等$/, '')));
}

/** `…等信息审批处牵头`: the longest known name that ends right before the role word. */
function knownNameCut(tail: string, knownNames: ReadonlySet<string>): number {
  const role = /(分别牵头|牵头落实|牵头负责|牵头|负责落实|分别负责|负责|配合)$/.exec(tail);
  if (!role) return -1;
  const before = tail.slice(0, role.index);
  let best = -1;
  for (const name of knownNames) if (name.length >= 2 && before.endsWith(name) && (best < 0 || before.length - name.length < best)) best = before.length - name.length;
  return best;
}

/** Ends in a role word after something name-like: worth a doubt rather than silence. */
function readsAsRoleTail(tail: string): boolean {
  return /[处室司局科厅办部院馆中心组委](分别)?(牵头|负责|配合)(落实)?$/.test(tail);
}

/**
 * Finds a unit's responsibility clause in its words: a trailing bracket (also
 * before the full stop), bracketed clauses closing sentences inside the text,
 * or an unbracketed clause at the end.
 */
export function findClause(words: string, knownNames: ReadonlySet<string> = new Set()): FoundClause | undefined {
  const trailing = splitClause(words);
  if (trailing) {
    const inner = innerClauses(trailing.text);
    return { text: trailing.text, clause: [...inner, trailing.clause].join('；') };
  }
  const inner = innerClauses(words);
  const loose = unbracketed(words, knownNames);
  if (loose && !loose.doubt) return { text: loose.text, clause: [...inner, loose.clause].join('；') };
  if (inner.length) return { text: words.replace(/[\s]+$/u, ''), clause: inner.join('；') };
  return loose;
}
