import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { scriptedYear } from './scripted-year.js';

const NOTICE_2022 = join(ROOT, 'docs', 'examples', 'mca-2022-plan-example.txt');
const later = { now: () => new Date('2026-12-05T02:00:00Z') };

/**
 * The 2022 notice (docs/examples, written for the tests in the 民政部 style) against the 2021 plan, by hand: 18 of its 22 items continue a 2021 task —
 * reworded, renumbered, sections merged — and 4 are new; 2021's 24 (依申请公开信息系统) moved from 办公厅 (lead) to 信息中心.
 */
const CONTINUED: [string, string][] = [
  ['2', '1'], ['4', '2'], ['5', '3'], ['7', '4'], ['9', '6'], ['13', '8'], ['14', '9'], ['16', '10'], ['17', '11'],
  ['19', '12'], ['21', '13'], ['23', '14'], ['24', '15'], ['26', '17'], ['29', '18'], ['33', '19'], ['34', '20'], ['35', '21'],
];
const NEW = ['5', '7', '16', '22'];
/** The same recurring task for another year (回头看 of 2020 in 2021's plan, of 2021 in 2022's): compare pairs them, carry-over never merges them. */
const NEXT_INSTANCE: [string, string][] = [['34', '20']];

interface Carried {
  number: string;
  carried_over: { ledger: string; item: string; status: string; due: string; postponed: number; commit: string | null } | null;
}

describe('next year from last year: carry-over and compare', () => {
  it('carries every unfinished 2021 item once into the imported 2022 ledger, each with its link; compare pairs the reworded items', async () => {
    const ledger2021 = await scriptedYear();
    const office = join(ledger2021, '..', '..', '2022');
    mkdirSync(office);
    cpSync(join(ledger2021, '..', 'departments.yaml'), join(office, 'departments.yaml'));
    const ledger2022 = join(office, 'ledger.yaml');

    const imported = await runCli(['import', NOTICE_2022, '--registry', join(office, 'departments.yaml'), '-o', ledger2022, '--carry-over', ledger2021], later);
    expect(imported.code, imported.err).toBe(0);
    // By hand, after the scripted year: finished or closed are 1, 5, 12, 22 (done), 7 (cancelled), 9 and 18 (ongoing); the other 28 are unfinished.
    const unfinished = Array.from({ length: 35 }, (_, i) => String(i + 1)).filter((n) => !['1', '5', '7', '9', '12', '18', '22'].includes(n));
    expect(unfinished).toHaveLength(28);
    expect(imported.err).toContain('上年结转：2021 年度未完成的任务 28 项，其中 14 项新计划中已有（已标明结转），14 项加在「上年结转」部分');

    const items = JSON.parse((await runCli(['--ledger', ledger2022, 'export'], later)).out).items as Carried[];
    const carried = items.filter((i) => i.carried_over);
    // Each unfinished item exactly once, linked to the old ledger by a path that resolves from the new one.
    expect(carried.map((i) => i.carried_over!.item).sort()).toEqual([...unfinished].sort());
    for (const item of carried) expect(item.carried_over!.ledger).toBe('../data/ledger.yaml');
    expect(readFileSync(join(office, carried[0]!.carried_over!.ledger), 'utf8')).toContain('民办便函〔2021〕648号');
    // Those the 2022 notice continues are marked on the 2022 item (23 → 14, postponed twice); the rest are added once each.
    const continuedUnfinished = CONTINUED.filter(([from]) => unfinished.includes(from) && !NEXT_INSTANCE.some(([f]) => f === from));
    // 2021's unfinished 回头看 of 2020 is carried on its own; 2022's 回头看 of 2021 is a task of its own.
    for (const [from, to] of NEXT_INSTANCE) {
      expect(items.find((i) => i.number === to)!.carried_over).toBeNull();
      expect(items.find((i) => i.number === `结转${from}`)!.carried_over!.item).toBe(from);
    }
    for (const [from, to] of continuedUnfinished) expect(items.find((i) => i.number === to)!.carried_over?.item, `2021 #${from}`).toBe(from);
    expect(items.find((i) => i.number === '14')!.carried_over).toMatchObject({ item: '23', status: 'not_started', due: '2022-03-31', postponed: 2 });
    expect(items.find((i) => i.number === '14')!.carried_over!.commit).toMatch(/^[0-9a-f]{7,}$/);
    const added = items.filter((i) => i.number.startsWith('结转'));
    expect(added.map((i) => i.carried_over!.item).sort()).toEqual(unfinished.filter((n) => !continuedUnfinished.some(([from]) => from === n)).sort());
    expect(items).toHaveLength(22 + added.length);
    // The new ledger is a valid 2022 ledger: no errors, its own year.
    const validated = JSON.parse((await runCli(['--ledger', ledger2022, 'validate', '--format', 'json'], later)).out);
    expect(validated.errors).toBe(0);

    // compare pairs the notices' items by text, however reworded or renumbered.
    const plain2022 = join(office, 'plain.yaml');
    expect((await runCli(['import', NOTICE_2022, '--registry', join(office, 'departments.yaml'), '-o', plain2022], later)).code).toBe(0);
    const compared = JSON.parse((await runCli(['compare', ledger2021, plain2022, '--format', 'json'], later)).out);
    const kept = compared.rows.filter((r: { kind: string }) => r.kind === 'kept').map((r: { from: { number: string }; to: { number: string } }) => [r.from.number, r.to.number]);
    expect(kept).toEqual(CONTINUED);
    expect(compared.rows.filter((r: { kind: string }) => r.kind === 'new').map((r: { to: { number: string } }) => r.to.number)).toEqual(NEW);
    expect(compared.counts).toMatchObject({ kept: 18, new: 4, dropped: 17, moved: 1, carried: 0 });
    const moved = compared.rows.find((r: { moved: boolean }) => r.moved);
    expect(moved).toMatchObject({ from: { number: '24', owners: ['办公厅(国际合作司)'] }, to: { number: '15', owners: ['信息中心'] } });

    // Against the carried-over ledger, the carried items pair by their link and nothing of 2021 is left behind unaccounted.
    const withCarry = JSON.parse((await runCli(['compare', ledger2021, ledger2022, '--format', 'json'], later)).out);
    // 2022's 回头看 of 2021 pairs with nothing then: 2021's 回头看 went on as 结转34.
    expect(withCarry.counts).toMatchObject({ carried: 28, new: 4 + NEXT_INSTANCE.length });
    expect(withCarry.counts.dropped).toBe(35 - 28 - CONTINUED.filter(([from]) => !unfinished.includes(from)).length);
  }, 120_000);
});
