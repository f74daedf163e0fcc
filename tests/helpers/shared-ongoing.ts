/**
 * Item 3 of the shipped ledger is done by three departments each doing its
 * share (按职责分工负责). Made ongoing (持续推进) with progress notes by some of
 * them, each department goes 久未更新 by its own notes: the ledger then has
 * shares of one item that are stale and shares that are not.
 */
export const SHARES = ['规划财务司', '基层政权建设和社区治理司', '养老服务司'] as const;

/** The ledger text with item 3 ongoing and these notes on it ({date, dept}). */
export function withSharedOngoing(text: string, notes: readonly { date: string; dept: string }[]): string {
  const progress = notes.length ? `        progress:\n${notes.map((n) => `          - { date: ${n.date}, dept: ${n.dept}, note: ${n.dept}的进展 }\n`).join('')}` : '';
  const edited = text.replace(/(- number: "3"\n(?: {8}.*\n)*?) {8}status: 未启动\n/, `$1        status: 持续推进\n${progress}`);
  if (edited === text) throw new Error('item 3 of the shipped ledger is not where the test expects it');
  return edited;
}
