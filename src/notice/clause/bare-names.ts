import { gluedNameCut, type KnownNames } from './glued-name.js';
import { isGroupName, looksLikeName } from './names.js';
import { isNameList, opensLikeTaskWords, standsAsName } from './reads-as.js';
import { splitTopLevel } from './split-names.js';
import { toSimplified } from './traditional.js';
import { TAKES_A_BODY } from './clause-start.js';
import type { FoundClause } from './found-clause.js';

/** Names with no role word ending an item's words (F3): a body's name glued to them, or a last sentence of names alone. */

/** How a body's name ends (局, 委, 办, 中心 …). */
const BODY_NAME_END = /[处室司局科厅办部院馆站队所心委府会]$/;

/**
 * Names that are bodies' for sure, with no role word: each a group or a name with a body's ending (局, 办公室,
 * 中心 …) that does not open like a task. Words of a document's own (`试行`, `暂行`, `含…`) end otherwise.
 */
export function surelyBodies(list: string): boolean {
  const names = splitTopLevel(toSimplified(list), new Set(['、']));
  const body = (n: string) => [...n].length <= 20 && looksLikeName(n) && !opensLikeTaskWords(n) && BODY_NAME_END.test(n.replace(/[(（][^()（）]*[)）]$/, ''));
  return names.length <= 6 && names.every((n) => isGroupName(n) || body(n));
}

/**
 * `推进义务教育信息公开区教育局。`: a body's name glued to the words' end with no role word, cut only where the notice's
 * names show for sure how names start (most of them 区…, or the name itself read elsewhere): that body answers
 * for the work alone. Never after words that take a body as their object (`报送区财政局`).
 */
export function gluedBareName(words: string, knownNames: KnownNames): FoundClause | undefined {
  const body = words.replace(/[\s。;；]+$/u, '');
  if (!BODY_NAME_END.test(body) || /[。;；]/.test(body)) return undefined;
  const cut = gluedNameCut(body, [], knownNames);
  if (!cut.sure || cut.at < 4) return undefined;
  const before = body.slice(0, cut.at);
  if (TAKES_A_BODY.test(before) || /[,，、]$/.test(before) || !isNameList(body.slice(cut.at))) return undefined;
  return { text: before, clause: body.slice(cut.at) };
}

/**
 * The item's last sentence is a short list of names and nothing else (`…招投标信息。基建处。`):
 * a bare clause with its brackets lost (F3: names alone are responsible together).
 */
export function bareNameSentence(words: string): FoundClause | undefined {
  const body = words.replace(/[\s。;；]+$/u, '');
  const stop = body.lastIndexOf('。');
  if (stop <= 0) return undefined;
  const tail = body.slice(stop + 1).trim();
  const names = splitTopLevel(toSimplified(tail), new Set(['、']));
  if (!tail || names.length > 6 || !names.every((n) => isGroupName(n) || standsAsName(n))) return undefined;
  return { text: body.slice(0, stop + 1), clause: tail };
}
