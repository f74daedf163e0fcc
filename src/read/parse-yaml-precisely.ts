import { LineCounter, parseDocument, visit, isAlias } from 'yaml';
import { error, type Diagnostic, type DiagnosticCode } from '../diagnostic.js';
import type { ParsedYaml } from './parse-yaml.js';

const CODES: Record<string, DiagnosticCode> = {
  DUPLICATE_KEY: 'DUPLICATE_KEY',
  TAB_AS_INDENT: 'TAB_INDENT',
  MULTIPLE_DOCS: 'MULTIPLE_DOCUMENTS',
};

function messageFor(code: DiagnosticCode, original: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return '重复的键：同一映射中这个键出现了两次';
    case 'TAB_INDENT':
      return 'YAML 不允许用制表符（Tab）缩进，请改用空格';
    case 'MULTIPLE_DOCUMENTS':
      return '文件中有多个 YAML 文档（---），台账只能有一个';
    default:
      return isTooDeep(original) ? TOO_DEEP : `YAML 语法错误：${original.split('\n')[0]}`;
  }
}

const TOO_DEEP = '嵌套过深：列表或映射一层套一层，超出了能读取的深度（台账不会有这么深的结构），已拒绝读取';

/** The parser ran out of stack: the text nests thousands of levels deep. */
const isTooDeep = (message: string) => message.includes('Maximum call stack size exceeded');

/** Parses with `yaml`, keeping positions, and reports every problem with its line and column. */
export function parseYamlPrecisely(text: string, file: string): ParsedYaml {
  try {
    return parseKeepingPositions(text, file);
  } catch (cause) {
    if (cause instanceof RangeError && isTooDeep(cause.message)) return { value: undefined, diagnostics: [error('YAML_SYNTAX', TOO_DEEP, { file, line: 1, col: 1 })] };
    throw cause;
  }
}

function parseKeepingPositions(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, col: pos.col };
  };
  // After the first syntax error the parser's further complaints are mostly its consequences;
  // duplicate keys are independent of each other and all reported.
  let firstSyntaxError = true;
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const code = CODES[e.code] ?? 'YAML_SYNTAX';
    if (code !== 'DUPLICATE_KEY') {
      if (!firstSyntaxError) continue;
      firstSyntaxError = false;
    }
    diagnostics.push(error(code, messageFor(code, e.message), at(e.pos[0])));
  }
  if (diagnostics.length) return { value: undefined, diagnostics };
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) ?? null, diagnostics };
  } catch (cause) {
    let offset = 0;
    visit(doc, {
      Alias(_, node) {
        if (isAlias(node) && node.range) offset = node.range[0];
        return visit.BREAK;
      },
    });
    if (cause instanceof RangeError && isTooDeep(cause.message)) return { value: undefined, diagnostics: [error('YAML_SYNTAX', TOO_DEEP, { file, line: 1, col: 1 })] };
    const message = cause instanceof ReferenceError ? '别名（*）展开过多，疑似「billion laughs」攻击，已拒绝读取' : `无法读取：${String(cause)}`;
    return { value: undefined, diagnostics: [error('ALIAS_BOMB', message, at(offset))] };
  }
}
