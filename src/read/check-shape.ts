import { error, type Diagnostic, type PathSegment } from '../diagnostic.js';
import { closestNames, didYouMean } from '../model/closest-names.js';
import { hasDateForm, isValidDate } from '../model/dates.js';
import type { Shape } from '../schema/shape.js';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  integer: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '映射（键: 值）',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '空值';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '映射';
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return `布尔值 ${value}`;
  return `文本「${String(value)}」`;
}

function matchesType(value: unknown, shape: Shape): boolean {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'anyOf':
      return shape.options.some((o) => matchesType(value, o));
  }
}

/**
 * Findings of array elements already checked on an earlier run (an item whose
 * text is unchanged), with paths relative to the element.
 */
export interface ShapeReuse {
  /** Which element shape this applies to. */
  shape: Shape;
  lookup(element: unknown): Diagnostic[] | undefined;
  keep(element: unknown, relative: Diagnostic[]): void;
}

/**
 * Checks a plain JS value (from YAML) against a shape, collecting every
 * problem with its path. Never throws.
 */
export function checkShape(value: unknown, shape: Shape, file: string, path: PathSegment[] = [], out: Diagnostic[] = [], reuse?: ShapeReuse): Diagnostic[] {
  return check(value, shape, file, [...path], out, reuse);
}

/** Where a finding is: its own copy of the path, made only when there is a finding (most values have none). */
const placeAt = (file: string, path: readonly PathSegment[]) => ({ file, path: [...path] });

/** The name a finding gives the value at `path`: its key (or index), or 文件 for the whole. */
const fieldAt = (path: readonly PathSegment[]) => (path.length ? String(path[path.length - 1]) : '文件');

/**
 * checkShape on a path it extends and restores as it goes down (one array for the whole walk: a
 * 100,000-item ledger has a few million values, and a copy of the path for each was most of the check).
 * The walk runs once a cold run, in V8's interpreter: what it does for every value is kept to the test of its
 * type (a field's name is made only for a finding, the elements of a list are passed by index, not by a callback).
 */
function check(value: unknown, shape: Shape, file: string, path: PathSegment[], out: Diagnostic[], reuse: ShapeReuse | undefined): Diagnostic[] {
  if (shape.type === 'anyOf') {
    const option = shape.options.find((o) => matchesType(value, o));
    if (!option) {
      const wanted = shape.options.map((o) => TYPE_NAMES[o.type]).join('或');
      out.push(error('WRONG_TYPE', `「${fieldAt(path)}」应为${wanted}，实为${describeValue(value)}`, placeAt(file, path)));
      return out;
    }
    return check(value, option, file, path, out, reuse);
  }
  if (!matchesType(value, shape)) {
    const field = fieldAt(path);
    if (shape.type === 'string' && shape.numberLike && typeof value === 'number') {
      out.push(error('NUMBER_NOT_STRING', `编号须加引号写成文本，如 "${value}"（不加引号时 1.10 会被读成 1.1）`, placeAt(file, path)));
    } else if (shape.type === 'string' && shape.date && value instanceof Date) {
      out.push(error('BAD_DATE', `「${field}」须为 YYYY-MM-DD 格式的日期`, placeAt(file, path)));
    } else {
      out.push(error('WRONG_TYPE', `「${field}」应为${TYPE_NAMES[shape.type]}，实为${describeValue(value)}`, placeAt(file, path)));
    }
    return out;
  }
  switch (shape.type) {
    case 'string': {
      const text = value as string;
      if (shape.date) {
        // A valid date (nearly every one) is tested once: isValidDate tests the form first.
        if (!isValidDate(text)) {
          if (!hasDateForm(text)) out.push(error('BAD_DATE', `「${fieldAt(path)}」的日期「${text}」须为 YYYY-MM-DD 格式`, placeAt(file, path)));
          else out.push(error('BAD_DATE', `日期「${text}」不存在`, placeAt(file, path)));
        }
      } else if (shape.enum && !shape.enum.includes(text)) {
        const field = fieldAt(path);
        const code = field === 'status' ? 'BAD_STATUS' : 'BAD_VALUE';
        out.push(error(code, `「${field}」不能是「${text}」，可用值：${shape.enum.join('、')}${didYouMean(text, shape.enum)}`, placeAt(file, path)));
      }
      break;
    }
    case 'integer': {
      const n = value as number;
      if ((shape.minimum !== undefined && n < shape.minimum) || (shape.maximum !== undefined && n > shape.maximum)) {
        out.push(error('BAD_VALUE', `「${fieldAt(path)}」的值 ${n} 超出范围 ${shape.minimum}–${shape.maximum}`, placeAt(file, path)));
      }
      break;
    }
    case 'array': {
      // A parsed list has no holes (which forEach would skip).
      const list = value as unknown[];
      for (let index = 0; index < list.length; index++) {
        const element = list[index];
        path.push(index);
        if (reuse?.shape !== shape.items) check(element, shape.items, file, path, out, reuse);
        else {
          const known = reuse.lookup(element);
          if (known) {
            for (const d of known) out.push({ ...d, file, ...(d.path ? { path: [...path, ...d.path] } : {}) });
          } else {
            const depth = path.length;
            const found = check(element, shape.items, file, path, [], reuse);
            reuse.keep(element, found.map((d) => ({ ...d, ...(d.path ? { path: d.path.slice(depth) } : {}) })));
            out.push(...found);
          }
        }
        path.pop();
      }
      break;
    }
    case 'object': {
      const record = value as Record<string, unknown>;
      const first = out.length;
      let misspelt: Set<string> | undefined;
      for (const key of Object.keys(record)) {
        const child = record[key];
        const property = shape.properties[key];
        if (property) {
          if (child === null && !shape.required?.includes(key)) continue;
          if (child === null) {
            out.push(error('MISSING_FIELD', `「${key}」没有填写`, { file, path: [...path, key] }));
            continue;
          }
          path.push(key);
          check(child, property, file, path, out, reuse);
          path.pop();
        } else if (shape.values) {
          path.push(key);
          check(child, shape.values, file, path, out, reuse);
          path.pop();
        } else {
          const known = Object.keys(shape.properties);
          const meant = closestNames(key, known, 1)[0];
          if (meant && !(meant in record)) (misspelt ??= new Set()).add(meant);
          out.push(error('UNKNOWN_KEY', `未知字段「${key}」${didYouMean(key, known)}`, { file, path: [...path, key], at: 'key' }));
        }
      }
      for (const key of shape.required ?? []) {
        // `stauts:` is reported once, as an unknown key, not again as a missing `status`.
        if (!(key in record) && !misspelt?.has(key)) out.push(error('MISSING_FIELD', `缺少字段「${key}」`, placeAt(file, path)));
      }
      // A finding inside an item names it: 第 12 项：「status」不能是「进行中」….
      if (path[path.length - 2] === 'items' && (typeof record.number === 'string' || typeof record.number === 'number')) {
        for (let i = first; i < out.length; i++) out[i] = { ...out[i]!, message: `第 ${record.number} 项：${out[i]!.message}` };
      }
      break;
    }
  }
  return out;
}
