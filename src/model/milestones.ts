import type { Item, Milestone } from './ledger.js';

/** The step an item is on: its first step not yet done, as 第 index/total 步. */
export interface CurrentStep {
  /** 1-based. */
  index: number;
  total: number;
  milestone: Milestone;
}

/** The item's next open step, or undefined when it has no steps or all are done. */
export function currentStep(item: Item): CurrentStep | undefined {
  const index = item.milestones.findIndex((m) => !m.doneOn);
  if (index < 0) return undefined;
  return { index: index + 1, total: item.milestones.length, milestone: item.milestones[index]! };
}

/** The deadline the item is judged by: its next open step's, else its own. */
export function effectiveDue(item: Item): string {
  return currentStep(item)?.milestone.due ?? item.due;
}
