/** Text helpers shared by the notice readers. */

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一, 二 … 十, 十一 … 九十九 */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二十四 → 24; undefined for anything that is not a Chinese numeral below 1000. */
export function numeralValue(text: string): number | undefined {
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else if (ch === '十' || ch === '百') {
      total += (digit < 0 ? 1 : digit) * (ch === '十' ? 10 : 100);
      digit = -1;
    } else return undefined;
  }
  return total + Math.max(digit, 0) || undefined;
}

/**
 * Full-width ASCII (（），１．) folded to half-width one character for one
 * character, so offsets in the folded text are offsets in the original.
 */
export function foldWidth(text: string): string {
  // By code unit rather than a replace with a function per match: the importer folds every cell and part it tries,
  // and Chinese text is full of full-width punctuation (，（）：), each a call of the function.
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3000) out += `${text.slice(from, i)} `;
    else if (code >= 0xff01 && code <= 0xff5e) out += text.slice(from, i) + String.fromCharCode(code - 0xfee0);
    else continue;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

const WIDE = /[\u3000-\u9fff\uff00-\uffef]/;

/** Joins wrapped lines: no space between Chinese characters, one space elsewhere. */
export function joinLines(text: string): string {
  return text
    .replace(/\s*\n\s*/g, (gap, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + gap.length] ?? '';
      return WIDE.test(before) || WIDE.test(after) ? '' : ' ';
    })
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Offsets → 1-based line numbers of a text, by binary search over the line starts. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/**
 * A text of 1,000 characters no gated pattern gives a meaning to (from Unicode's private use area). V8 runs a regular
 * expression first as bytecode it compiles for the purpose, and compiles it again to machine code when it runs once
 * more; on a text of 1,000 characters or more it compiles machine code at once. Each gated pattern's first run is on
 * this text: one compilation instead of two, which for the clause grammar's larger patterns was two thirds of their
 * cost (300 → 90 µs for a role word's; the clause check of a cold validate 5.8 → 5.2 ms). No gated pattern opens with
 * a repetition that takes any character (tests/notice/pattern-gates.test.ts), so none walks this text more than once.
 */
export const COMPILING_TEXT = '\uE000'.repeat(1000);

/** A pattern compiled at once to machine code (COMPILING_TEXT); its lastIndex as it was, 0. */
function compiledOnce(pattern: RegExp): RegExp {
  pattern.exec(COMPILING_TEXT);
  pattern.lastIndex = 0;
  return pattern;
}

/** Every gated pattern made (Gated, EndGated), for tests/notice/pattern-gates.test.ts, which checks each gate against its pattern. */
export const GATED: { readonly pattern: RegExp; admits(text: string): boolean }[] = [];

/**
 * A regular expression tried only on text that could hold a match: every match holds one of the characters of
 * `needs` (or, given a list, one of its words), or the text opens with `opening`. V8 compiles a regular expression when it first runs and again to machine
 * code when it runs once more; in a cold validate most of the clause check was that, for patterns that could not match.
 * The characters are looked for by one builtin call (includes, or a class of characters), not by a loop: the
 * importer asks the gates of every part it tries, and a loop here was hot enough for V8 to optimize it (3 ms).
 */
export class Gated {
  private readonly hint: string | RegExp;

  constructor(
    readonly pattern: RegExp,
    needs: string | readonly string[],
    readonly opening?: string,
  ) {
    // A class of the characters or an alternation of the words, each character that has a meaning there escaped.
    const escaped = (text: string, special: string) => {
      let out = '';
      for (const c of text) out += special.includes(c) ? `\\${c}` : c;
      return out;
    };
    if (typeof needs !== 'string') this.hint = needs.length === 1 ? needs[0]! : new RegExp(needs.map((word) => escaped(word, '\\^$.*+?()[]{}|/')).join('|'));
    else this.hint = needs.length === 1 ? needs : new RegExp(`[${escaped(needs, '\\]^-')}]`);
    GATED.push(this);
  }

  /** False only when no match can be in the text. */
  admits(text: string): boolean {
    if (this.opening !== undefined && text.startsWith(this.opening)) return true;
    return typeof this.hint === 'string' ? text.includes(this.hint) : this.hint.test(text);
  }

  /** The pattern, compiled at its first use (compiledOnce). */
  private compiled: RegExp | undefined;
  private get ready(): RegExp {
    return (this.compiled ??= compiledOnce(this.pattern));
  }

  exec(text: string): RegExpExecArray | null {
    return this.admits(text) ? this.ready.exec(text) : null;
  }

  test(text: string): boolean {
    return this.admits(text) && this.ready.test(text);
  }

  /** The text split where the pattern matches (one piece, the text, where it cannot). */
  split(text: string): string[] {
    return this.admits(text) ? text.split(this.ready) : [text];
  }

  replace(text: string, replacement: string | ((match: string, ...groups: string[]) => string)): string {
    if (!this.admits(text)) return text;
    return typeof replacement === 'string' ? text.replace(this.ready, replacement) : text.replace(this.ready, replacement);
  }
}

/**
 * A pattern anchored at the end of the text (…$, no m flag), tried only on text whose last character may end a match:
 * one of `endings`. The role words ending a clause's part (role-words.ts) are each such a pattern: a part of names
 * alone (规划财务司) tries none, a part ending in 牵头 only those a lead's word can end.
 */
export class EndGated {
  constructor(
    readonly pattern: RegExp,
    private readonly endings: string,
  ) {
    GATED.push(this);
  }

  admits(text: string): boolean {
    return text !== '' && this.endings.includes(text[text.length - 1]!);
  }

  /** The pattern, compiled at its first use (compiledOnce). */
  private compiled: RegExp | undefined;

  exec(text: string): RegExpExecArray | null {
    return this.admits(text) ? (this.compiled ??= compiledOnce(this.pattern)).exec(text) : null;
  }
}
