import { extname } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../errors.js';

/** What each file extension holds: `-o 汇总.xlsx` means an Excel workbook, whatever --format defaults to. */
const EXTENSION_FORMATS: Readonly<Record<string, { format: string; what: string }>> = {
  '.xlsx': { format: 'xlsx', what: 'Excel 工作簿' },
  '.docx': { format: 'docx', what: 'Word 文档' },
  '.html': { format: 'html', what: '网页' },
  '.htm': { format: 'html', what: '网页' },
  '.md': { format: 'md', what: 'Markdown' },
  '.csv': { format: 'csv', what: 'CSV 表格' },
  '.json': { format: 'json', what: 'JSON' },
  '.yaml': { format: 'yaml', what: 'YAML' },
  '.yml': { format: 'yaml', what: 'YAML' },
};

/**
 * Before a command runs: when -o names a file whose extension says what it holds and --format was not given,
 * the format is the extension's, so `status -o 汇总.xlsx` writes a workbook Excel opens, not a text table under
 * an .xlsx name. A command that cannot write that kind of file, or a --format that contradicts the extension,
 * is refused before anything is written. Other extensions (.txt, none, a folder) keep the default.
 */
export function formatFromOutput(command: Command): void {
  const formatOption = command.options.find((o) => o.long === '--format');
  const output: unknown = command.getOptionValue('output');
  if (!formatOption?.argChoices || typeof output !== 'string') return;
  const implied = EXTENSION_FORMATS[extname(output).toLowerCase()];
  if (!implied) return;
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  const given = command.getOptionValueSource('format') === 'cli' ? String(command.getOptionValue('format')) : undefined;
  // 「是 Excel 工作簿」 but 「是网页」: a space only before a Latin word.
  const kind = /^[A-Za-z]/.test(implied.what) ? ` ${implied.what}` : implied.what;
  if (given !== undefined && given !== implied.format) {
    throw new UserError('OPTIONS_CONFLICT', `--format ${given} 与 -o ${output} 不符：这个扩展名是${kind}；请改扩展名，或去掉 --format 按扩展名输出`);
  }
  if (!formatOption.argChoices.includes(implied.format)) {
    throw new UserError('OPTIONS_CONFLICT', `-o ${output} 是${kind}，gongkai ${names.join(' ')} 不能输出这种文件；可用的格式：${formatOption.argChoices.join('、')}（用 --format 选，并用相应的扩展名）`);
  }
  if (given !== undefined) return;
  command.setOptionValueWithSource('format', implied.format, 'implied');
}
