import { looksLikeName } from './names.js';

/**
 * Where the first name of a clause glued to the text begins
 * (`…扩大公众参与县发展改革委牵头，县司法局配合`): the words before the role
 * word are the end of the text and the name, with nothing between them.
 * A cut is sure when a known name ends the words, when the clause's other
 * names share an administrative prefix (县…, 某某市…) that marks where this
 * name starts, or when the words are short and start like a name. Otherwise
 * the cut is a guess, and the caller flags the unit.
 */
export interface GluedCut {
  /** Offset in the words where the name starts (0: the words are the name). */
  at: number;
  sure: boolean;
}

/**
 * What the rest of a notice shows about glued clauses: names read for sure
 * (a registry's, or the notice's own), and where its task words end elsewhere
 * (the last characters before a stop: 某某目录 of `…某某目录，`).
 */
export type KnownNames = ReadonlySet<string> & { readonly textEnds?: ReadonlySet<string> };

/** How many characters of a text's end are compared with the notice's other text ends. */
export const TEXT_END = 4;

/** A prefix naming an administrative level: 县, 市, 区, 桐乡市, 某某镇 … */
const LEVEL_END = /[省市县区州盟旗镇乡]$/;
const NOT_LEVEL = /^(市场|区划|区域|县域|州际)/;
/**
 * Common words that end in a level character (城市, 社区, 专区): that character is
 * the word's, not a level starting a name, so 市城市管理局 starts at its first 市 only.
 */
const WORD_ENDING_IN_LEVEL = /^(城市|都市|超市|社区|园区|景区|城区|辖区|郊区|山区|街区|小区|专区|片区|校区|城镇|村镇|城乡)$/;
/** Words that start a name or group, never the end of a task's text. */
const NAME_START = /^(各|有关|相关|市|县|区|省|州|镇|乡|街道|自治)/;
/** A name needs a few characters besides its prefix: 县局 is not a body. */
const MIN_NAME = 3;

/** The longest prefix every name shares, cut back to end at a level (县, 某某市). */
function sharedLevelPrefix(names: readonly string[]): string {
  if (!names.length) return '';
  let prefix = names[0]!;
  for (const name of names.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < name.length && prefix[i] === name[i]) i++;
    prefix = prefix.slice(0, i);
  }
  // The first level word ends it: 县浔城市管理馆 starts with 县 (the county), not 县浔城市.
  let level = 0;
  while (level < prefix.length && !LEVEL_END.test(prefix[level]!)) level++;
  prefix = level < prefix.length ? prefix.slice(0, level + 1) : '';
  // 市场监管局, 区划地名司: a word, not a level.
  return names.some((n) => NOT_LEVEL.test(n.slice(prefix.length - 1))) ? '' : prefix;
}

/** The level prefix most of the names start with (县 of 县财政局, 县审计局 …), if most do. */
function commonLevelPrefix(names: ReadonlySet<string>): string {
  const counts = new Map<string, number>();
  for (const name of names) {
    const prefix = sharedLevelPrefix([name]);
    if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best = '';
  for (const [prefix, count] of counts) if (count > (counts.get(best) ?? 0)) best = prefix;
  return best && (counts.get(best) ?? 0) * 2 > names.size ? best : '';
}

/**
 * A known name ends the words, but the text before it ends one character past
 * where the same words end elsewhere in the notice (`…某某目录潇科技中心` when
 * `…某某目录，` stands elsewhere): that character may start a longer name.
 */
export function endsPastText(before: string, textEnds: ReadonlySet<string> | undefined): boolean {
  return !!textEnds && before.length > TEXT_END && textEnds.has(before.slice(-TEXT_END - 1, -1));
}

export function gluedNameCut(words: string, otherNames: readonly string[], knownNames: KnownNames): GluedCut {
  if (knownNames.has(words)) return { at: 0, sure: true };
  let known = -1;
  for (const name of knownNames) if (name.length >= 2 && words.endsWith(name) && (known < 0 || words.length - name.length < known)) known = words.length - name.length;
  if (known >= 0) return { at: known, sure: !endsPastText(words.slice(0, known), knownNames.textEnds) };
  // The other names of the clause, and the names known for sure, show how names start here.
  const others = otherNames.filter((n) => !/^(各|有关|相关|其他)/.test(n));
  for (const prefix of [sharedLevelPrefix(others), others.length ? '' : commonLevelPrefix(knownNames)]) {
    if (!prefix) continue;
    // Every place the prefix could start the name; more than one (城市管理 inside 市城市管理局) is a guess.
    const starts: number[] = [];
    for (let at = words.indexOf(prefix); at >= 0; at = words.indexOf(prefix, at + 1)) {
      const name = words.slice(at);
      if (at > 0 && WORD_ENDING_IN_LEVEL.test(words.slice(at - 1, at + 1))) continue;
      if (name.length >= prefix.length + MIN_NAME - 1 && looksLikeName(name)) starts.push(at);
    }
    // Words that start with the prefix are the name (县城市管理局), not text glued to 城市管理局.
    if (starts[0] === 0) return { at: 0, sure: true };
    if (starts.length) return { at: starts[starts.length - 1]!, sure: starts.length === 1 };
  }
  // No cue: short words that start like a name are one; anything longer may carry the text's end.
  if ([...words].length <= 4 || (NAME_START.test(words) && [...words].length <= 12)) return { at: 0, sure: true };
  // A guess for the reader: the last level word that leaves a name.
  for (let at = words.length - MIN_NAME; at > 0; at--) if (LEVEL_END.test(words[at]!) && looksLikeName(words.slice(at))) return { at, sure: false };
  return { at: 0, sure: false };
}
