import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest at the default scale, longest first (GONGKAI_TEST_CPU_LOG's wall
 * milliseconds on an idle machine). Started first, they leave the short files to the end, where the
 * two workers then finish within a second or two of each other instead of one waiting for the other's
 * long file. Without a list, a fresh clone's first run would start the largest files first, which are
 * not the slowest.
 */
export const LONGEST_FIRST = [
  'tests/readme/readme-commands.test.ts',
  'tests/report/report-browser.test.ts',
  'tests/attacks/every-command.test.ts',
  'tests/sync/shared-repository.test.ts',
  'tests/cache/cache.test.ts',
  'tests/attacks/push-policy.test.ts',
  'tests/attacks/write-safety.test.ts',
  'tests/report/docx-out.test.ts',
  'tests/sync/collected-requests.test.ts',
  'tests/sync/every-ledger.test.ts',
  'tests/bench/start-up-chunks.test.ts',
  'tests/notice/generated-corpus.test.ts',
  'tests/notice/exams.test.ts',
  'tests/sync/history-merges.test.ts',
  'tests/sync/permissions.test.ts',
  'tests/year/review.test.ts',
  'tests/edit/edit-through-item.test.ts',
  'tests/sync/sync-stops.test.ts',
  'tests/sync/withdraw-refused.test.ts',
  'tests/edit/git.test.ts',
  'tests/forms/postpone-and-master.test.ts',
  'tests/attacks/kill-9.test.ts',
  'tests/attacks/hostile-text.test.ts',
  'tests/index/every-view.test.ts',
  'tests/forms/coordinator-loop.test.ts',
  'tests/merge/merge-driver.test.ts',
  'tests/forms/collect-guards.test.ts',
  'tests/read/incremental-parse.test.ts',
  'tests/index/drawn-overdue.test.ts',
  'tests/attacks/forged-forms.test.ts',
];

/**
 * The order of the test files: vitest's own (failed first, then by the durations of the last run in
 * this checkout) when every file has run here before; otherwise, as on a fresh clone, the files of
 * LONGEST_FIRST first, in that order, then the rest in vitest's order.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const measured = files.every((spec) => this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(root, spec.moduleId)}`));
    if (measured) return sorted;
    const rank = (spec: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(relative(root, spec.moduleId));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    return sorted.map((spec, i) => ({ spec, i })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i).map(({ spec }) => spec);
  }
}
