import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { gitRepo, tempDir } from '../helpers/temp.js';

/**
 * The 回头看 dates each change by the date written in the ledger when the
 * change carries one — a request to postpone, its refusal, an approval, a
 * note, a done date — not by the day it was committed (often days later, in a
 * weekly commit). Outside git, the same changes from the ledger's own dates.
 */
const later = { now: () => new Date('2026-12-05T02:00:00Z') };

/** Item 22 due 2021-09-30; with a request received on 10-10. */
const dueText = () => readFileSync(SHIPPED_LEDGER, 'utf8').replace(/(- number: "22"\n(?:        .*\n)*?)        due: 2021-12-31\n/, '$1        due: 2021-09-30\n');
const requestedText = () => dueText().replace('        due: 2021-09-30\n', '        due: 2021-09-30\n        postponement_requests:\n          - { on: 2021-10-10, dept: 信息中心, to: 2021-12-15, reason: 接口规范未下发 }\n');

function commitOn(repo: string, day: string, message: string): void {
  const when = `${day}T10:00:00+08:00`;
  const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  execFileSync('git', ['add', '-A'], { cwd: repo, env });
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: repo, env });
}

type Dated = { date: string; change: { kind: string; on?: string } };

describe('review: a change is dated as the ledger writes it', () => {
  it('a refused request is dated by its refusal, not by the commit a week later; the same outside git', async () => {
    const repo = gitRepo({ 'data/ledger.yaml': dueText(), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const ledger = join(repo, 'data', 'ledger.yaml');
    expect(requestedText()).toContain('postponement_requests');
    writeFileSync(ledger, requestedText());
    // The request came with the form on 10-10 and was committed on 10-15; the refusal, of 10-12, was committed on 10-22.
    commitOn(repo, '2021-10-15', 'request');
    const refused = await runCli(['--ledger', ledger, 'postpone', '22', '--rejected-by', '王主任', '--reason', '年底前必须完成', '--on', '2021-10-12'], later);
    expect(refused.code, refused.err).toBe(0);
    commitOn(repo, '2021-10-22', 'refusal');
    const outside = tempDir({ 'ledger.yaml': readFileSync(ledger), 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });

    for (const [where, file] of [['git', ledger], ['ledger', join(outside, 'ledger.yaml')]] as const) {
      const review = await runCli(['--ledger', file, 'review', '--format', 'json'], later);
      expect(review.code, review.err).toBe(0);
      const report = JSON.parse(review.out);
      expect(report.history).toBe(where);
      const changes = (report.items.find((i: { number: string }) => i.number === '22').changed_after_deadline as Dated[]).map((c) => [c.date, c.change.kind]);
      expect(changes, where).toContainEqual(['2021-10-10', 'postpone_requested']);
      expect(changes, where).toContainEqual(['2021-10-12', 'postpone_rejected']);
      // Each dated change is dated by its own date, whatever the commit's.
      for (const c of report.items.flatMap((i: { changed_after_deadline: Dated[] }) => i.changed_after_deadline) as Dated[]) if (c.change.on) expect(c.date, where).toBe(c.change.on);
    }
  }, 60_000);
});
