/**
 * Whether the user's terminal shows East Asian "Ambiguous" characters (“ ” · …) two columns wide: as
 * GONGKAI_AMBIGUOUS says (wide/narrow), else by the locale's encoding (a GBK, GB18030, Big5 or EUC
 * console shows them wide). Apart from the width tables (text-width.ts) so that a view's kept text can be
 * matched to the terminal without loading them.
 */
export function ambiguousCountsWide(env: Readonly<Record<string, string | undefined>>): boolean {
  const chosen = env.GONGKAI_AMBIGUOUS?.trim().toLowerCase();
  if (chosen === 'wide') return true;
  if (chosen === 'narrow') return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /\.(gbk|gb18030|gb2312|big5|euc)/i.test(locale);
}
