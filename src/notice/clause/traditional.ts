/**
 * Characters common in Traditional-script plans that never occur in Simplified
 * text. The OpenCC converter costs ~100 ms to build, so it is built only when
 * one of these shows up: Simplified notices and ledgers never pay for it.
 */
const TRADITIONAL_MARKS =
  '頭負責務開單處關與為會員區縣時項應資門點實設計導據機構辦書記發監當劃議檔規範體製級組織經濟領階報廣東臺灣華這個們來後經過說國際團體勞動衛產業農傳統網絡專門備質聯絡級類種歲濟僅從內兩與黨營運護購覽總統邊協調訊長堅續讀擴兌現進態調視況覆請於將歷優權審稅財稱戰災鄉鎮幹遞標準試驗顯歸當間單錄廳貫徹輿論質詢複雜適針對簡響優選舉獎懲營環軟銷積極聽證執讓';

let convert: ((text: string) => string) | undefined;

/**
 * TRADITIONAL_MARKS as a table by UTF-16 code unit. The importer asks this of the same words many times over
 * (every clause, part and cell it tries); a lookup per character costs a fraction of a regular expression's
 * 170-character class. (A string, not the pattern's source: a bundler may write a pattern's characters as escapes.)
 */
const MARKS = (() => {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < TRADITIONAL_MARKS.length; i++) table[TRADITIONAL_MARKS.charCodeAt(i)] = 1;
  return table;
})();

/** True when the text has Traditional characters (甲處牽頭，乙處負責). */
export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (MARKS[text.charCodeAt(i)] === 1) return true;
  return false;
}

/**
 * Traditional → Simplified (OpenCC's t→cn tables); text with no Traditional characters comes back unchanged.
 * The tables (195 KB of script) are required from node_modules when first needed, not bundled: every check
 * of a ledger reaches this module, and was reading and compiling them for Simplified text.
 * Through the module's own `require` (as node-crypto.ts): node:module's createRequire and the module's file URL
 * it needs (node:url) were loaded by every validate, about 1 ms, for text that is almost never Traditional.
 */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  if (!convert) {
    const { Converter } = require('opencc-js/t2cn') as typeof import('opencc-js/t2cn');
    convert = Converter({ from: 't', to: 'cn' });
  }
  return convert!(text);
}
