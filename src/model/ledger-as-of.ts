import type { Item, Ledger } from './ledger.js';

/**
 * An item, a ledger, as they stood at the close of a day: what was recorded
 * after it had not happened yet. Done after the day is not done (and was
 * overdue if its deadline had passed), cancelled after it is not cancelled, a
 * postponement approved after it had not moved the deadline, a note written
 * after it was not there. Views asked `--as-of` a past day count from this.
 */

/** The latest date any record of the item carries (done, cancelled, a step done, a postponement, a request or its refusal, a note); undefined when none. */
export function lastRecordDate(item: Item): string | undefined {
  let last: string | undefined;
  const see = (date: string | undefined) => {
    if (date !== undefined && (last === undefined || date > last)) last = date;
  };
  see(item.doneOn);
  see(item.cancellation?.on);
  for (const m of item.milestones) see(m.doneOn);
  for (const p of item.postponements) see(p.on);
  for (const r of item.postponementRequests) see(r.on);
  for (const r of item.postponementRejections) see(r.on);
  for (const p of item.progress) see(p.date);
  return last;
}

/** The item at the close of `day`; the item itself when nothing of it is recorded after that day. */
export function itemAsOf(item: Item, day: string): Item {
  const last = lastRecordDate(item);
  if (last === undefined || last <= day) return item;
  const by = (date: string) => date <= day;
  const postponements = item.postponements.filter((p) => by(p.on));
  // The trail runs in order: the first move not yet approved starts from the deadline then in force.
  const notYet = item.postponements.find((p) => !by(p.on));
  const progress = item.progress.filter((p) => by(p.date));
  const milestones = item.milestones.map((m) => (m.doneOn && !by(m.doneOn) ? { due: m.due, text: m.text } : m));
  const done = item.doneOn !== undefined && !by(item.doneOn);
  const cancelled = item.cancellation !== undefined && !by(item.cancellation.on);
  const copy: Item = {
    ...item,
    postponements,
    postponementRequests: item.postponementRequests.filter((r) => by(r.on)),
    postponementRejections: item.postponementRejections.filter((r) => by(r.on)),
    progress,
    milestones,
    ...(notYet ? { due: notYet.from } : {}),
  };
  if (done) delete copy.doneOn;
  if (cancelled) delete copy.cancellation;
  if ((done && item.status === 'done') || (cancelled && item.status === 'cancelled')) {
    // What it was before is not written; a note or a step done by the day shows work had started.
    copy.status = progress.length || milestones.some((m) => m.doneOn) ? 'in_progress' : 'not_started';
  }
  return copy;
}

/** The ledger at the close of `day`; the ledger itself when nothing is recorded after that day. */
export function ledgerAsOf(ledger: Ledger, day: string): Ledger {
  let changed = false;
  const items = ledger.items.map((item) => {
    const then = itemAsOf(item, day);
    if (then !== item) changed = true;
    return then;
  });
  return changed ? { ...ledger, items } : ledger;
}
