import { spawn, execFileSync } from 'node:child_process';
import { constants, openSync, read, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../helpers/run-cli.js';
import { runTempDir } from '../helpers/temp.js';

/**
 * A bash script run as written (pipes, redirections, `source <(…)`, `cd`, globs, `set -e`), in which
 * `gongkai` and `node bin/gongkai.js` are bash functions that hand their words, folder and exported
 * environment to this test process: gongkai runs in-process (tests/helpers/run-cli.ts), and the
 * function prints what it printed and returns its exit code. Everything else the script starts (git,
 * the hooks and merge driver that git starts, mkdir, cp) is a real process. This saves the README test
 * a node start-up per command; GONGKAI_TEST_SCALE=full runs the same scripts with gongkai as a process.
 *
 * The two talk through two named pipes that this process holds open for reading and writing, so no
 * open blocks and no read waits for an end of file: a request is NUL-separated fields (folder,
 * NAME=value of each exported variable, an empty field, the number of words, the words); the reply
 * is the exit code on a line, after stdout and stderr are written to files. (gongkai's output is text:
 * bash's variables, which carry it, hold no NUL byte.)
 */
const PRELUDE = String.raw`
__gongkai_in_test() {
  {
    printf '%s\0' "$PWD"
    local __name
    for __name in $(compgen -e); do printf '%s=%s\0' "$__name" "${'$'}{!__name}"; done
    printf '\0%s\0' "$#"
    printf '%s\0' "$@"
  } > "$__GONGKAI_SHELL/request"
  local __code __text
  read -r __code < "$__GONGKAI_SHELL/reply"
  # Read and written by bash itself: a cat for each would be two processes more per gongkai run.
  IFS= read -r -d '' __text < "$__GONGKAI_SHELL/out" || :
  printf '%s' "$__text"
  IFS= read -r -d '' __text < "$__GONGKAI_SHELL/err" || :
  printf '%s' "$__text" >&2
  return "$__code"
}
gongkai() { __gongkai_in_test "$@"; }
node() { if [ "$1" = bin/gongkai.js ]; then shift; __gongkai_in_test "$@"; else command node "$@"; fi; }
`;

export interface ShellResult {
  code: number | null;
  out: string;
  err: string;
  /** How many gongkai runs the script made (each in this process). */
  runs: number;
}

interface Request {
  cwd: string;
  env: Record<string, string>;
  args: string[];
}

/** The first whole request in the fields read so far, and how many fields it took; undefined while it is incomplete. */
function parseRequest(fields: string[]): { request: Request; used: number } | undefined {
  const end = fields.indexOf('', 1);
  if (end < 0 || fields.length < end + 2) return undefined;
  const count = Number(fields[end + 1]);
  if (fields.length < end + 2 + count) return undefined;
  const env = Object.fromEntries(fields.slice(1, end).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  return { request: { cwd: fields[0]!, env, args: fields.slice(end + 2, end + 2 + count) }, used: end + 2 + count };
}

const readAsync = promisify(read);

/** Channels (a folder with the two pipes, held open) made by earlier scripts and free again: one mkfifo per worker, not per script. */
const idle: { channel: string; request: number; reply: number }[] = [];

function channelOpen(): { channel: string; request: number; reply: number } {
  const kept = idle.pop();
  if (kept) return kept;
  // A folder for the whole run: the pipes outlive the test that made them.
  const channel = runTempDir('in-process-shell');
  execFileSync('mkfifo', [join(channel, 'request'), join(channel, 'reply')]);
  // Read and write ends held by this process: bash's opens return at once, and a read here ends when bytes come.
  return { channel, request: openSync(join(channel, 'request'), constants.O_RDWR), reply: openSync(join(channel, 'reply'), constants.O_RDWR) };
}

/** Runs `script` with bash in `cwd`; gongkai's runs in this process see `now` as the clock (the real one when undefined). */
export async function runInProcessShell(script: string, options: { cwd: string; env: NodeJS.ProcessEnv; now?: string }): Promise<ShellResult> {
  const opened = channelOpen();
  const { channel, request, reply } = opened;
  const child = spawn('bash', ['-c', `${PRELUDE}\n${script}`], { cwd: options.cwd, env: { ...options.env, __GONGKAI_SHELL: channel } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  let finished = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      finished = true;
      // Wakes the read below, which then sees that bash is gone.
      writeSync(request, '\0');
      resolve(code);
    }),
  );
  let runs = 0;
  let pending = Buffer.alloc(0);
  const buffer = Buffer.alloc(1 << 16);
  try {
    while (!finished) {
      const { bytesRead } = await readAsync(request, buffer, 0, buffer.length, null);
      pending = Buffer.concat([pending, buffer.subarray(0, bytesRead)]);
      // A request starts with a folder, never empty: a NUL before it is the wake-up an earlier script's end left unread.
      while (pending[0] === 0) pending = pending.subarray(1);
      for (;;) {
        const text = pending.toString('utf8');
        const whole = text.slice(0, text.lastIndexOf('\0') + 1);
        const parsed = parseRequest(whole.split('\0').slice(0, -1));
        if (!parsed || finished) break;
        pending = Buffer.from(whole.split('\0').slice(parsed.used).join('\0') + text.slice(whole.length), 'utf8');
        runs++;
        const { cwd, env, args } = parsed.request;
        const now = options.now;
        const result = await runCli(args, { cwd, env, now: () => (now ? new Date(now) : new Date()) }).catch((cause: unknown) => ({
          code: 70,
          out: '',
          err: `gongkai 自身的缺陷（测试进程内）：${String(cause)}\n`,
        }));
        writeFileSync(join(channel, 'out'), result.out);
        writeFileSync(join(channel, 'err'), result.err);
        writeSync(reply, `${result.code}\n`);
      }
    }
    return { code: await exited, out, err, runs };
  } finally {
    idle.push(opened);
  }
}
