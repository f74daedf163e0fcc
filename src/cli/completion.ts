import type { Command, Option } from 'commander';
import type { CommandContext } from '../command-context.js';
import { STATUS_SPELLINGS } from '../model/status.js';
import { readArguments } from './usage-errors.js';

/**
 * Shell completion. The scripts are small and ask gongkai itself for the
 * words (`gongkai __complete WORD…`), so commands added later, the registry's
 * department names and the ledger's item numbers complete without a new
 * script. Candidates are filtered here and printed one per line; the shell
 * never evaluates them (ledger text is data: no compgen -W, which expands $(…)).
 */

/** Printed when the shell should complete file names instead. */
const FILES = '__files__';

/** Options whose value is a date: the words people type most. */
const DATE_WORDS = ['今天', '昨天'];

function optionsOf(command: Command): Option[] {
  const out: Option[] = [];
  for (let c: Command | null = command; c; c = c.parent) out.push(...c.options);
  return out;
}

/** Department names (full and short) and item numbers of the ledger the words name, or none when it cannot be read. */
async function ledgerWords(ctx: CommandContext): Promise<{ departments: string[]; items: string[] }> {
  try {
    const { openLedger } = await import('../open/open-ledger.js');
    const { ledger } = await openLedger(ctx, { checks: 'none' });
    if (!ledger) return { departments: [], items: [] };
    return {
      departments: ledger.registry.departments.flatMap((d) => [d.name, ...(d.short ? [d.short] : []), ...d.aliases]),
      items: ledger.items.map((i) => i.number),
    };
  } catch {
    return { departments: [], items: [] };
  }
}

/** The candidates for the last word of `words` (the words after gongkai, the last one being completed, maybe ''). */
export async function completeWords(program: Command, words: readonly string[], makeContext: (ledger: string | undefined) => Promise<CommandContext>): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const { command, operands, options } = readArguments(program, before);
  const ledgerOption = options.find((o) => o.option?.long === '--ledger')?.value;
  const previous = before.at(-1);
  const previousOption = previous?.startsWith('-') && !previous.includes('=') ? optionsOf(command).find((o) => o.long === previous || o.short === previous) : undefined;

  let candidates: string[];
  if (previousOption && (previousOption.required || previousOption.optional)) {
    // What the value is, from the option's declaration: its choices, its flag, its placeholder.
    const flag = previousOption.long ?? previousOption.short ?? '';
    if (previousOption.argChoices) candidates = previousOption.argChoices;
    else if (flag === '--dept') candidates = (await ledgerWords(await makeContext(ledgerOption))).departments;
    else if (flag === '--status') candidates = [...STATUS_SPELLINGS];
    else if (/<date>/.test(previousOption.flags)) candidates = DATE_WORDS;
    else if (/<(file|path|dir)>/.test(previousOption.flags)) return [FILES];
    else candidates = [];
  } else if (current.startsWith('-')) {
    candidates = optionsOf(command).flatMap((o) => (o.hidden ? [] : [o.long ?? o.short ?? ''])).concat('--help');
  } else if (command.commands.length && operands.length === 0) {
    candidates = command.commands.map((c) => c.name());
    if (!command.parent) candidates.push('help');
  } else {
    const argument = command.registeredArguments[Math.min(operands.length, command.registeredArguments.length - 1)];
    if (!argument) candidates = [];
    else if (argument.argChoices) candidates = argument.argChoices;
    else if (argument.name() === 'item') candidates = (await ledgerWords(await makeContext(ledgerOption))).items;
    else if (/file|notice|path/.test(argument.name())) return [FILES];
    else candidates = [];
  }
  return [...new Set(candidates)].filter((c) => c.startsWith(current));
}

/** The script for a shell: bash or zsh. */
export function completionScript(shell: 'bash' | 'zsh'): string {
  return shell === 'bash' ? BASH : ZSH;
}

const BASH = `# gongkai 的 bash 补全。启用：source <(gongkai completion bash)，或写入 ~/.bashrc
_gongkai() {
  local cur=\${COMP_WORDS[COMP_CWORD]}
  local -a words
  mapfile -t words < <(gongkai __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  if [[ "\${words[0]}" == "${FILES}" ]]; then
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  else
    COMPREPLY=("\${words[@]}")
  fi
}
complete -o default -F _gongkai gongkai
`;

const ZSH = `#compdef gongkai
# gongkai 的 zsh 补全。启用：source <(gongkai completion zsh)，或存为 fpath 中的 _gongkai
_gongkai() {
  local -a candidates
  candidates=("\${(@f)$(gongkai __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ "\${candidates[1]}" == "${FILES}" ]]; then
    _files
  else
    compadd -- "\${candidates[@]}"
  fi
}
if [[ "\${funcstack[1]}" == "_gongkai" ]]; then
  _gongkai "$@"
else
  compdef _gongkai gongkai
fi
`;
