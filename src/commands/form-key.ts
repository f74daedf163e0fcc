import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CommandContext } from '../command-context.js';
import { UserError } from '../errors.js';
import { git, gitRun } from '../git/git.js';
import type { FormContent } from '../query/form-items.js';
import { recordForgery, signRecord, type SignedRecord } from '../permissions/form-signature.js';

const CONFIG_KEY = 'gongkai.formkey';

/**
 * Where the key that signs forms lives — never in the repository's files, so
 * a liaison who has the forms and the ledger cannot sign a form himself: in
 * the ledger repository's own git config (.git/config, not tracked), or,
 * outside git, in the user's config folder (mode 600).
 */
function keyPlace(ctx: CommandContext, ledgerFile: string): { kind: 'git'; root: string; hex?: string } | { kind: 'file'; file: string } | undefined {
  // One git process says both whether the ledger is in a repository and the key there: git config --local works from
  // any folder of the working tree, fails with 128 outside one, and exits 1 when the key is not set.
  const folder = dirname(resolve(ctx.io.cwd, ledgerFile));
  const found = existsSync(folder) ? gitRun(folder, ['config', '--local', '--get', CONFIG_KEY]) : undefined;
  if (found?.status === 0) return { kind: 'git', root: folder, hex: found.stdout.trim() };
  if (found?.status === 1) return { kind: 'git', root: folder };
  const home = ctx.io.env.HOME || homedir();
  const base = ctx.io.env.XDG_CONFIG_HOME || (home ? join(home, '.config') : undefined);
  return base ? { kind: 'file', file: join(base, 'gongkai', 'form-key') } : undefined;
}

function readKey(place: NonNullable<ReturnType<typeof keyPlace>>): Buffer | undefined {
  let hex: string | undefined;
  if (place.kind === 'git') {
    hex = place.hex;
  } else if (existsSync(place.file)) {
    hex = readFileSync(place.file, 'utf8').trim();
  }
  return hex && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : undefined;
}

/** The form key, made (32 random bytes) the first time `forms` runs. */
function formKey(ctx: CommandContext, ledgerFile: string): Buffer {
  const place = keyPlace(ctx, ledgerFile);
  if (!place) throw new UserError('NO_KEY_PLACE', '没有地方保存表格的签名密钥：把台账放进 git 仓库，或设置 HOME（密钥存在 ~/.config/gongkai/form-key）');
  const existing = readKey(place);
  if (existing) return existing;
  const hex = randomBytes(32).toString('hex');
  if (place.kind === 'git') git(place.root, ['config', '--local', CONFIG_KEY, hex]);
  else {
    mkdirSync(join(place.file, '..'), { recursive: true, mode: 0o700 });
    writeFileSync(place.file, hex + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(place.file, 0o600);
  }
  return Buffer.from(hex, 'hex');
}

const keys = new Map<string, Buffer>();

/** `forms`: the signature of a form's hidden record, under this repository's (or user's) form key (looked up once per ledger file). */
export function signForm(ctx: CommandContext, ledgerFile: string, record: SignedRecord): string {
  // By where the ledger is, not how it was named: data/ledger.yaml in another folder is another repository with its own key.
  const where = resolve(ctx.io.cwd, ledgerFile);
  let key = keys.get(where);
  if (!key) keys.set(where, (key = formKey(ctx, ledgerFile)));
  return signRecord(key, record);
}

/** `collect`: why a returned form's record cannot be trusted, or undefined when its signature holds. */
export function formForgery(ctx: CommandContext, ledgerFile: string, record: SignedRecord & { signature?: string | null }): string | undefined {
  const place = keyPlace(ctx, ledgerFile);
  const key = place && readKey(place);
  if (!key) return '这里没有生成表格时的签名密钥（gongkai forms 第一次运行时生成，存在台账仓库的 .git/config 中）；请在生成表格的那个克隆里收回';
  return recordForgery(key, record, record.signature);
}

/** A plan refused for a forged record, unless it is refused already for a reason of its own (another ledger, an unknown department). */
export function refuseForged<P extends { refused?: string }>(plan: P, forgery: string | undefined): P {
  return plan.refused || !forgery ? plan : { ...plan, refused: forgery };
}

/** The record the master 任务分工表 carries (every item, the office's scope), as the signature covers it. */
export function masterRecordOf(table: { plan: { title: string; document_number: string | null }; office: string | null; as_of: string; items: readonly { number: string; fingerprint: string }[] }, origin: { ledgerSha256: string; commit: string | null }, sheet: string): SignedRecord {
  const fingerprints = new Map(table.items.map((item) => [item.number, item.fingerprint]));
  return { title: table.plan.title, documentNumber: table.plan.document_number, ledgerSha256: origin.ledgerSha256, commit: origin.commit, department: table.office ?? '', madeOn: table.as_of, fingerprints, sheet, scope: 'all' };
}

/** The record `forms` writes into a form's hidden sheet, as the signature covers it. */
export function formRecordOf(form: FormContent, origin: { ledgerSha256: string; commit: string | null }): SignedRecord {
  const fingerprints = new Map(form.items.map((item) => [item.number, item.fingerprint]));
  return { title: form.plan.title, documentNumber: form.plan.document_number, ledgerSha256: origin.ledgerSha256, commit: origin.commit, department: form.department, madeOn: form.as_of, fingerprints };
}
