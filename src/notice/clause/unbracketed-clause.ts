import { isDeadlineWords } from './deadline.js';
import { gluedNameCut, type KnownNames } from './glued-name.js';
import { oversees } from './read-part.js';
import { isNameList, opensLikeTaskWords, readsAsClause } from './reads-as.js';
import { toSimplified } from './traditional.js';
import { firstNameStart, knownBareNameCut, knownNameCut, nameListStart } from './clause-start.js';
import type { FoundClause } from './found-clause.js';

/** A role word ending the words: where a glued clause's role stands. */
const ROLE_WORD_AT_END = /(牵头|负责|主责|配合|落实|协办|协助|协同|参与)$/;

/**
 * A clause with no brackets at the end of the words: after the last full stop
 * (`…及时公开。甲处牵头,各有关科室配合`), as a sentence (`此项工作由…负责,…配合。`),
 * or glued to the text (`…等信息A处牵头,…配合`): then the first name is cut
 * off the text only where a known name fits, else the unit is flagged.
 */
export function unbracketed(words: string, knownNames: KnownNames): FoundClause | undefined {
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
  // Parts taken into the clause, first first; a list of names alone takes a role only after a part with one.
  const accepted: { from: number; nameOnly: boolean }[] = [];
  // The clause starts after a stop or at a known name; else its first name may have the text's end glued on.
  let startSure = false;
  let doubt: string | undefined;
  // Deadline parts after the clause (`…，A负责，B配合，6月底前完成`) are the clause's: its grammar reads them as the deadline.
  let deadlineParts = 0;
  for (let i = bounds.length - 1; i >= 0; i--) {
    const [from, to] = bounds[i]!;
    const part = reading.slice(from, to);
    const notLast = i < bounds.length - deadlineParts - 1;
    const sentence = part.lastIndexOf('。');
    if (clauseStart < 0 && i > 0 && sentence < 0 && isDeadlineWords(part.trim())) {
      deadlineParts++;
      continue;
    }
    // A part of names alone joins the clause, unless it opens like a task (`规范某某专区`, `公开某某通报`): that is the text's end.
    // So does a part of bodies that oversee (`，B全程监督`): the clause must still name who answers for the work (checked below).
    if (sentence < 0 && (readsAsClause(part) || oversees(part.trim()) || (notLast && clauseStart >= 0 && isNameList(part) && !opensLikeTaskWords(part.trim())))) {
      clauseStart = from;
      startSure = false;
      accepted.unshift({ from, nameOnly: !readsAsClause(part) });
      continue;
    }
    // The text runs into this part: the clause starts after its full stop, or at a known name.
    const tailFrom = sentence >= 0 ? from + sentence + 1 : from;
    const tail = reading.slice(tailFrom, to);
    // (Also a part of bodies that oversee or coordinate, `。A统筹，B具体落实`: what it is, the clause's grammar decides.)
    if (sentence >= 0 && tail.trim() && (readsAsClause(tail) || (clauseStart >= 0 && oversees(tail.trim())) || (notLast && clauseStart >= 0 && isNameList(tail.trim())))) {
      clauseStart = tailFrom;
      startSure = true;
    } else if (ROLE_WORD_AT_END.test(tail)) {
      const list = nameListStart(tail);
      const cut = list >= 0 ? -1 : knownNameCut(tail, knownNames);
      if (list >= 0) {
        // `…指南、办事指南县A局、县B局牵头`: the names start after a 、 of the text's; the first may still be glued.
        clauseStart = tailFrom + list;
        startSure = false;
      } else if (cut >= 0) {
        clauseStart = tailFrom + cut;
        startSure = true;
      } else {
        // A name glued to the text where the notice's names show how names start (`…全流程公开区公共资源交易中心负责`, most names 区…).
        const nameWords = tail.replace(ROLE_WORD_AT_END, '');
        const glued = clauseStart < 0 && nameWords ? gluedNameCut(nameWords, [], knownNames) : undefined;
        if (glued?.sure && glued.at > 0 && readsAsClause(tail.slice(glued.at))) {
          clauseStart = tailFrom + glued.at;
          startSure = true;
        } else if (clauseStart >= 0 || readsAsRoleTail(tail)) doubt = `责任分工与正文连在一起（「…${tail.slice(-16)}」），无法确定从哪里开始`;
      }
    } else if (deadlineParts > 0 && clauseStart < 0) {
      // `…目录区司法局，4月上旬前完成`: a body named elsewhere in the notice, glued to the text's end, before the deadline.
      const cut = knownBareNameCut(tail, knownNames);
      if (cut > 0) return { text: body.slice(0, tailFrom + cut).trim(), clause: body.slice(tailFrom + cut).trim() };
    }
    break;
  }
  // `…，推进某某专区，A牵头，…`: words that only look like names (…专区) before the first role are text.
  if (!startSure && accepted.length > 1 && accepted[0]!.nameOnly) {
    while (accepted.length > 1 && accepted[0]!.nameOnly) accepted.shift();
    clauseStart = accepted[0]!.from;
  }
  if (clauseStart < 0) return doubt ? { text: body, clause: '', doubt } : undefined;
  if (!readsAsClause(body.slice(clauseStart).trim())) return doubt ? { text: body, clause: '', doubt } : undefined;
  if (!startSure) {
    const glued = firstNameStart(reading, clauseStart, knownNames);
    if (!glued.sure) return { text: body, clause: '', doubt: `责任分工与正文连在一起（「…${reading.slice(Math.max(clauseStart, glued.nameEnd - 16), glued.nameEnd)}」），无法确定部门名称从哪里开始`, sureNames: glued.others };
    clauseStart = glued.at;
  }
  const clause = body.slice(clauseStart).trim();
  if (!readsAsClause(clause)) return doubt ? { text: body, clause: '', doubt } : undefined;
  return { text: body.slice(0, clauseStart).replace(/[,，;；\s]+$/u, '').trim(), clause, ...(doubt ? { doubt } : {}) };
}

/** Ends in a role word after something name-like: worth a doubt rather than silence. */
function readsAsRoleTail(tail: string): boolean {
  return /[处室司局科厅办部院馆中心组委](分别)?(牵头|负责|配合)(落实)?$/.test(tail);
}
