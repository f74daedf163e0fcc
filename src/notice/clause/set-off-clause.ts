import { surelyBodies } from './bare-names.js';
import { splitClause, topLevelBrackets } from './bracket-groups.js';
import { isDeadlineWords } from './deadline.js';
import { parseResponsibility } from './grammar.js';
import { isNameList, readsAsClause } from './reads-as.js';
import { splitTopLevel } from './split-names.js';
import type { FoundClause } from './found-clause.js';

/** Clauses set off from the task's words: before them by a colon or a 【】, after them by a dash. */

/**
 * A clause before the task's words, set off by a colon: `由A牵头：公开…`,
 * `A牵头，B配合：公开…`, in a lenticular bracket: `【A】公开…`, `【A牵头，B配合】公开…`, or in a round one
 * (roleBracketFirst). The words before the colon (in the bracket) must read as a clause (or a list of names) whole.
 */
export function leadingClause(words: string): FoundClause | undefined {
  const m = /^\s*([^：:。；;()（）\n]{2,80}?)\s*[：:]\s*(\S[\s\S]*)$/.exec(words);
  if (m && readsAsClause(m[1]!.trim())) return { text: m[2]!.trim(), clause: m[1]!.trim() };
  // `【市财政局】做好…`, `【A牵头，B配合】…`: the bodies in a lenticular bracket before the task (a topic tag such as 【重点】 names no body).
  const tagged = /^\s*[【〖]([^【】〖〗\n]{2,80})[】〗]\s*(\S[\s\S]*)$/.exec(words);
  if (tagged && (readsAsClause(tagged[1]!.trim()) || isNameList(tagged[1]!.trim()))) return { text: tagged[2]!.trim(), clause: tagged[1]!.trim() };
  return roleBracketFirst(words);
}

/**
 * `（A牵头）做好…`, `(A负责，B配合)公开…`, `〔A负责，2021年6月底前〕完成…`: a round bracket opening the words
 * that reads whole as a clause (with its deadline, which the grammar reads) sets the clause before the task; so does
 * one of bodies' names alone (`（A办公室）公开…`: they answer for it), surely names. Other words in a bracket there
 * (`（一）`, `（试行）`, `（含…）`) are the task's. Words that end in a clause of their own as well are left to the
 * clauses of the paragraph, which flag the first.
 */
function roleBracketFirst(words: string): FoundClause | undefined {
  const at = words.search(/\S/);
  if (at < 0 || !'(（〔'.includes(words[at]!)) return undefined;
  const group = topLevelBrackets(words.slice(at))[0];
  if (group?.start !== 0) return undefined;
  const clause = group.inner.trim();
  const text = words.slice(at + group.end).replace(/^[\s:：,，、]+/u, '').trim();
  if (!text || !(readsAsClause(clause) || namesFirst(clause))) return undefined;
  const own = splitClause(text);
  if (own && readsAsClause(own.clause)) return undefined;
  return { text, clause };
}

/**
 * `…公开——A牵头，B配合。`, `…公开 —— 由A负责`: a clause after a dash (——, —, ――, －－, --) ends the words, as
 * after a full stop; the dash is neither the task's nor the clause's. Only the last dash: one inside the task
 * (`“互联网+政务服务”——推进…`) stays the task's.
 */
export function dashedClause(words: string): FoundClause | undefined {
  const m = /^([\s\S]*[^\s—―－-])\s*(?:[—―]+|－{2,}|-{2,})\s*([^—―]+?)[\s。;；]*$/u.exec(words);
  const clause = m?.[2]!.trim();
  // Also a bare list of names (`…——市教育局，各县（市、区）人民政府`): all of them answer for the work, as in a bracket.
  if (!clause || !(readsAsClause(clause) || splitTopLevel(clause, COMMAS).every((part) => part && isNameList(part)))) return undefined;
  return { text: m![1]!.trim(), clause };
}

/** `A、B`, `A，B`, `A，6月底前`: lists of bodies' names only, perhaps with the deadline after them. */
function namesFirst(words: string): boolean {
  const parts = splitTopLevel(words, COMMAS).map((part) => part.trim());
  while (parts.length > 1 && isDeadlineWords(parts[parts.length - 1]!)) parts.pop();
  if (!parts.every((part) => surelyBodies(part))) return false;
  const parsed = parseResponsibility(words);
  return parsed.ok && !parsed.unsure.length;
}

export const COMMAS = new Set([',', '，']);
